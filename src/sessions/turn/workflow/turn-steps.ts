/**
 * The steps of a mentoring turn as Mastra steps: load, interpret, then per machine event the
 * transition (the pure engine) and the actions of the state entered (a state group's nested
 * workflow, assembled in `src/mastra/mentor-turn-workflow.ts`), then answer and commit. Each step
 * works on the turn in the request context (`turn-run.ts`); outputs are small summaries, so
 * Studio's trace reads as what the turn did.
 */
import { createStep } from '@mastra/core/workflows';
import { z } from 'zod';
import { AppError } from '../../../errors/app-error.ts';
import { stateGroups } from '../../../domain/machines/state-groups.ts';
import { commitTurn } from '../../store/commit.ts';
import { buildTurn, closeTurn, readTurn } from '../compute-turn.ts';
import { leaf } from '../draft.ts';
import { profileOf } from '../machine-profiles.ts';
import { runActions, transitionStep } from '../machine-step.ts';
import { hasNextStep, takeNextStep, turnRunOf, unlessRejected } from './turn-run.ts';

export const mentorTurnInputSchema = z.object({
  sessionId: z.uuid(),
  /** The inbox event this run was started for; the run id is derived from it. */
  eventId: z.uuid(),
  /** Its arrival number in the session. */
  seq: z.number().int().positive(),
});

/** Small on purpose: replies and records stay in the session tables, not in the run. */
export const mentorTurnOutputSchema = z.object({
  eventId: z.string(),
  status: z.enum(['applied', 'recorded', 'ignored', 'rejected', 'conflict', 'missing']),
  state: z.string().nullable(),
  version: z.number().int().nullable(),
});

const loadedSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  state: z.string(),
  version: z.number().int(),
});

/**
 * What flows through the event loop: the event, whether the turn has applied everything, and (out
 * of `interpret`) how the event was read.
 */
export const turnLoopSchema = z.object({
  eventId: z.string(),
  done: z.boolean(),
  events: z.array(z.string()).optional(),
  reason: z.string().optional(),
  ignored: z.string().optional(),
  rejected: z.string().optional(),
});

/** What the `.branch` over the state groups gives: the output of the group that ran, by its id. */
export const groupOutputSchema = z.record(z.string(), turnLoopSchema);

/**
 * What enters `transition`: the event loop's input on its first iteration, then the previous
 * iteration's group output (the loop has no mapping step between them: a Mastra `.map` is a step of
 * its own, a fifth of an iteration's cost).
 */
export const turnEventInputSchema = z.union([turnLoopSchema, groupOutputSchema]);
type TurnEventInput = z.infer<typeof turnEventInputSchema>;

/** The inbox event's id in what enters `transition`. */
function loopEventId(input: TurnEventInput): string {
  if (typeof input.eventId === 'string') return input.eventId;
  for (const output of Object.values(input))
    if (typeof output === 'object' && output !== null) return output.eventId;
  throw new AppError('VALIDATION_ERROR', 'The event loop was entered without its event', {
    field: 'eventId',
  });
}

/** One machine event applied by the engine, and the actions its state group runs next. */
export const turnStepSchema = z.object({
  eventId: z.string(),
  done: z.boolean(),
  event: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  group: z.enum(stateGroups).optional(),
  actions: z.array(z.string()),
});
export type TurnStepOutput = z.infer<typeof turnStepSchema>;

export const loadTurnStep = createStep({
  id: 'load-session-event',
  description: 'The session (its latest version) and the inbox event the turn applies',
  inputSchema: mentorTurnInputSchema,
  outputSchema: loadedSchema,
  execute: async ({ inputData, requestContext, tracingContext }) => {
    const { turn } = turnRunOf(requestContext, inputData.eventId, tracingContext);
    return {
      eventId: turn.event.id,
      type: turn.event.type,
      state: turn.session.state,
      version: turn.session.version,
    };
  },
});

export const interpretStep = createStep({
  id: 'interpret',
  description: "Reads the event in the session's state: the state's classifier or agent",
  inputSchema: loadedSchema,
  outputSchema: turnLoopSchema,
  execute: async ({ inputData, requestContext, tracingContext }) => {
    const run = turnRunOf(requestContext, inputData.eventId, tracingContext);
    await unlessRejected(run, () => readTurn(run.turn));
    const { reading, result } = run.turn;
    // Done when nothing is left to apply: the event loop is then not entered at all.
    const done = Boolean(run.rejected || result.ignored) || !(await hasNextStep(run));
    const outcome = run.rejected?.commit.outcome;
    return {
      eventId: inputData.eventId,
      done,
      events: reading?.events.map((e) => e.event) ?? [],
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.ignored ? { ignored: result.ignored } : {}),
      ...(outcome?.status === 'rejected' ? { rejected: outcome.error.message } : {}),
    };
  },
});

export const transitionTurnStep = createStep({
  id: 'transition',
  description:
    'The next machine event (interpreted, or queued by an action) through the pure engine',
  inputSchema: turnEventInputSchema,
  outputSchema: turnStepSchema,
  execute: async ({ inputData, requestContext, tracingContext }) => {
    const eventId = loopEventId(inputData);
    const run = turnRunOf(requestContext, eventId, tracingContext);
    const { turn } = run;
    const done = { eventId, done: true, actions: [] };
    let output: TurnStepOutput = done;
    await unlessRejected(run, async () => {
      const step = await takeNextStep(run);
      if (!step) return;
      const from = leaf(turn.draft);
      run.pending = await transitionStep(turn.draft, turn.deps, step);
      const to = leaf(turn.draft);
      output = {
        eventId,
        done: false,
        event: step.kind === 'enter' ? '(enter)' : step.event,
        from,
        to,
        group: profileOf(turn.session.machine).groupOf(to),
        actions: [...run.pending.actions],
      };
    });
    return run.rejected ? done : output;
  },
});

/** A state group's actions step: runs the actions of the transition just applied. */
export function groupActionsStep(id: string, description: string) {
  return createStep({
    id,
    description,
    inputSchema: turnStepSchema,
    outputSchema: turnLoopSchema,
    execute: async ({ inputData, requestContext, tracingContext }) => {
      const run = turnRunOf(requestContext, inputData.eventId, tracingContext);
      const pending = run.pending;
      run.pending = undefined;
      if (pending)
        await unlessRejected(run, () => runActions(run.turn.draft, run.turn.deps, pending));
      return { eventId: inputData.eventId, done: Boolean(run.rejected) };
    },
  });
}

/** The nested workflow that loops over the turn's machine events, entered only when there is one. */
export const TURN_EVENTS_WORKFLOW = 'mentor-turn-events';

/** What the `.branch` into the event loop gives: the loop's last group output, when it ran. */
export const turnEventsOutputSchema = z.object({
  [TURN_EVENTS_WORKFLOW]: groupOutputSchema.optional(),
});

export const answerStep = createStep({
  id: 'answer',
  description:
    'Answers a learner who wrote, pushes back the activity timers, guards the replies against leaks',
  inputSchema: turnEventsOutputSchema,
  outputSchema: z.object({ eventId: z.string(), replies: z.number().int() }),
  execute: async ({ requestContext, tracingContext, getInitData }) => {
    const { eventId } = getInitData<z.infer<typeof mentorTurnInputSchema>>();
    const run = turnRunOf(requestContext, eventId, tracingContext);
    await unlessRejected(run, () => closeTurn(run.turn));
    return { eventId, replies: run.turn.draft.replies.length };
  },
});

export const commitStep = createStep({
  id: 'commit',
  description:
    "One transaction: the session row (compare-and-set on its version), transitions, replies, timers, the event's outcome",
  inputSchema: z.object({ eventId: z.string(), replies: z.number().int() }),
  outputSchema: mentorTurnOutputSchema,
  execute: async ({ inputData, requestContext, tracingContext }) => {
    const run = turnRunOf(requestContext, inputData.eventId, tracingContext);
    const computed = run.rejected ?? buildTurn(run.turn);
    run.computed = computed;
    const committed = await commitTurn(run.pool, computed.commit);
    run.committed = committed;
    if (committed.status !== 'ok')
      return { eventId: inputData.eventId, status: committed.status, state: null, version: null };
    return {
      eventId: inputData.eventId,
      status: computed.commit.outcome.status,
      state: computed.next.state,
      version: committed.version,
    };
  },
});
