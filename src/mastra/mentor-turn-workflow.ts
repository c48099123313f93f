/**
 * The `mentor-turn` workflow: one Mastra run per session event, with the turn's phases as steps —
 * load, interpret, then, when the event moves the machine, a loop over the machine events (the pure
 * engine's transition, then the actions of the state entered, as the nested workflow of its state
 * group chosen by `.branch`), answer, commit. The blocker group runs the `diagnose-blocker` workflow nested, its agent call
 * going through the session's agent port.
 *
 * Assembled here, above both `src/sessions` (the steps) and `workflows/` (diagnose-blocker): the
 * two layers do not import each other.
 *
 * Persistence: only a failed run writes a snapshot (for Studio and debugging). A successful turn
 * writes nothing to Mastra's storage — its one durable write is the session commit — and a turn cut
 * short by a crash leaves its inbox event pending, which any live process picks up again.
 */
import type { ShouldPersistSnapshotFn, Step } from '@mastra/core/workflows';
import { createStep, createWorkflow } from '@mastra/core/workflows';
import type { z } from 'zod';
import {
  DIAGNOSIS_AGENT_KEY,
  type DiagnosisAgent,
  diagnoseBlockerInputSchema,
  diagnoseBlockerOutputSchema,
  diagnoseBlockerWorkflow,
} from '../../workflows/diagnose-blocker-workflow.ts';
import { blockerDiagnosisSchema } from '../domain/contracts/blocker-diagnosis.ts';
import {
  type StateGroup,
  stateGroupDescriptions,
  stateGroups,
} from '../domain/machines/state-groups.ts';
import { applyDiagnosis, diagnosisInput } from '../sessions/actions/blocker-actions.ts';
import { callAgent } from '../sessions/turn/agent-call.ts';
import { runActions } from '../sessions/turn/machine-step.ts';
import { hasNextStep, turnRunOf, unlessRejected } from '../sessions/turn/workflow/turn-run.ts';
import {
  answerStep,
  commitStep,
  groupActionsStep,
  interpretStep,
  loadTurnStep,
  mentorTurnInputSchema,
  mentorTurnOutputSchema,
  groupOutputSchema,
  TURN_EVENTS_WORKFLOW,
  transitionTurnStep,
  turnEventInputSchema,
  turnLoopSchema,
  turnStepSchema,
} from '../sessions/turn/workflow/turn-steps.ts';

/** Only failed turns leave a run behind; successful and cut-short ones leave none. */
export const persistFailedTurnsOnly: ShouldPersistSnapshotFn = ({ workflowStatus }) =>
  workflowStatus === 'failed';

/**
 * Options of every workflow of a turn. Step events (`emitStepEvents`) are off unless asked for: no
 * one watches a turn's run (Studio reads its trace), and publishing them, forwarded up through each
 * nested run, was a fifth of the run's Mastra CPU with input validation. Step inputs are not
 * validated (`validateInputs`): each is the output of the step before, typed by these modules, and
 * the turn itself travels in the request context; the run's own input is built by the runner from a
 * stored inbox event, and a run started without its turn stops at its first step
 * (`turnRunOf`).
 */
interface TurnWorkflowOptions {
  shouldPersistSnapshot: ShouldPersistSnapshotFn;
  validateInputs: false;
  emitStepEvents: boolean;
}

/**
 * A workflow nested in `mentor-turn` starts each run under the id its parent gives it, and Mastra
 * then looks that id up in storage (one query per nested run, 1-3 per turn) to resume a stored run.
 * A turn's nested runs are never stored to resume — a failed turn is applied again by a new run of
 * its event — so the lookup answers from the process, as Mastra does without storage.
 */
function notStored<W extends { getWorkflowRunById: (...args: never[]) => Promise<unknown> }>(
  workflow: W,
): W {
  workflow.getWorkflowRunById = async () => null;
  return workflow;
}
const DIAGNOSE = 'diagnoseBlocker';

type TurnStepOutput = z.infer<typeof turnStepSchema>;

/** DIAGNOSE_BLOCKER's entry: the actions before the diagnosis, then the diagnose-blocker input. */
const diagnosisInputStep = createStep({
  id: 'blocker-diagnosis-input',
  description:
    "The learner's message, recent errors and activity, for the diagnose-blocker workflow",
  inputSchema: turnStepSchema,
  outputSchema: diagnoseBlockerInputSchema,
  execute: async ({ inputData, requestContext, tracingContext }) => {
    const run = turnRunOf(requestContext, inputData.eventId, tracingContext);
    const { draft, deps } = run.turn;
    const actions = run.pending?.actions ?? [];
    const data = run.pending?.data ?? {};
    const at = actions.indexOf(DIAGNOSE);
    await unlessRejected(run, async () => {
      await runActions(draft, deps, { actions: actions.slice(0, at), data });
      await deps.beforeAction?.(DIAGNOSE, draft);
      draft.actions.push(DIAGNOSE);
    });
    run.pending = { actions: actions.slice(at + 1), data };
    const agent: DiagnosisAgent = async (blocker) => {
      const output = await callAgent(
        draft,
        deps,
        DIAGNOSE,
        DIAGNOSE,
        blocker,
        blockerDiagnosisSchema,
      );
      const call = draft.agentCalls.at(-1)!;
      return {
        output,
        usage: {
          inputTokens: call.tokensIn,
          outputTokens: call.tokensOut,
          latencyMs: call.latencyMs,
        },
        model: call.model,
      };
    };
    requestContext.set(DIAGNOSIS_AGENT_KEY, agent);
    const { story: _story, ...blocker } = diagnosisInput(draft, deps);
    return {
      blocker: diagnoseBlockerInputSchema.shape.blocker.parse(blocker),
      context: {},
      help: 'diagnosis' as const,
    };
  },
});

/** Keeps the diagnosis in the session and runs the state's remaining actions. */
const applyDiagnosisStep = createStep({
  id: 'blocker-apply-diagnosis',
  description: 'The diagnosis into the session context; then ANALYZE_STATE and what follows',
  inputSchema: diagnoseBlockerOutputSchema,
  outputSchema: turnLoopSchema,
  execute: async ({ inputData, requestContext, getInitData, tracingContext }) => {
    const { eventId } = getInitData<TurnStepOutput>();
    const run = turnRunOf(requestContext, eventId, tracingContext);
    const pending = run.pending;
    run.pending = undefined;
    await unlessRejected(run, async () => {
      applyDiagnosis(run.turn.draft, inputData.diagnosis);
      if (pending) await runActions(run.turn.draft, run.turn.deps, pending);
    });
    return { eventId, done: Boolean(run.rejected) };
  },
});

function blockerWorkflow(options: TurnWorkflowOptions) {
  const diagnosis = notStored(
    createWorkflow({
      id: 'mentor-blocker-diagnosis',
      description: 'Entering DIAGNOSE_BLOCKER: the diagnose-blocker workflow, nested',
      inputSchema: turnStepSchema,
      outputSchema: turnLoopSchema,
      options,
    })
      .then(diagnosisInputStep)
      .then(diagnoseBlockerWorkflow)
      .then(applyDiagnosisStep)
      .commit(),
  );
  return notStored(
    createWorkflow({
      id: 'mentor-blocker',
      description: stateGroupDescriptions.blocker,
      inputSchema: turnStepSchema,
      outputSchema: turnLoopSchema,
      options,
    })
      .branch([
        [async ({ inputData }) => inputData.actions.includes(DIAGNOSE), diagnosis],
        [
          async ({ inputData }) => !inputData.actions.includes(DIAGNOSE),
          groupActionsStep('blocker-actions', 'Runs the blocker state actions'),
        ],
      ])
      .map(async ({ inputData, getInitData }) =>
        firstBranchOutput(inputData, getInitData<TurnStepOutput>().eventId),
      )
      .commit(),
  );
}

type GroupWorkflow = ReturnType<typeof groupActionsWorkflow>;

function groupWorkflow(group: StateGroup, options: TurnWorkflowOptions): GroupWorkflow {
  return group === 'blocker'
    ? (blockerWorkflow(options) as unknown as GroupWorkflow)
    : groupActionsWorkflow(group, options);
}

function groupActionsWorkflow(group: StateGroup, options: TurnWorkflowOptions) {
  return notStored(
    createWorkflow({
      id: `mentor-${group}`,
      description: stateGroupDescriptions[group],
      inputSchema: turnStepSchema,
      outputSchema: turnLoopSchema,
      options,
    })
      .then(groupActionsStep(`${group}-actions`, `Runs the ${group} state actions`))
      .commit(),
  );
}

type TurnLoop = z.infer<typeof turnLoopSchema>;
type GroupOutput = z.infer<typeof groupOutputSchema>;

/**
 * The one output of a `.branch` (keyed by the step that ran). None ran when the transition found
 * nothing to apply (the event was rejected): the loop is then done.
 */
function firstBranchOutput(outputs: Record<string, unknown>, eventId: string): TurnLoop {
  const output = Object.values(outputs).find((v) => v !== undefined);
  return output === undefined ? { eventId, done: true } : turnLoopSchema.parse(output);
}

/**
 * A fresh `mentor-turn` workflow (a workflow object is not shared between Mastra instances).
 * `stepEvents`: publish step events, for a watcher of the runs (`workflowTurns`' `onEvent`).
 */
export function createMentorTurnWorkflow({ stepEvents = false }: { stepEvents?: boolean } = {}) {
  const options: TurnWorkflowOptions = {
    shouldPersistSnapshot: persistFailedTurnsOnly,
    validateInputs: false,
    emitStepEvents: stepEvents,
  };
  // One machine event: the loop is entered only when there is one, and goes round once per event
  // (the loop condition reads the next one ahead), so no iteration finds nothing to do.
  const turnEvent = notStored(
    createWorkflow({
      id: 'mentor-turn-event',
      description: 'One machine event: the transition, then the actions of its state group',
      inputSchema: turnEventInputSchema,
      outputSchema: groupOutputSchema,
      options,
    })
      .then(transitionTurnStep)
      .branch(
        stateGroups.map(
          (group): [(p: { inputData: TurnStepOutput }) => Promise<boolean>, GroupWorkflow] => [
            async ({ inputData }) => !inputData.done && inputData.group === group,
            groupWorkflow(group, options),
          ],
        ),
      )
      .commit(),
  );

  const turnEvents = notStored(
    createWorkflow({
      id: TURN_EVENTS_WORKFLOW,
      description: 'The machine events of the turn, one loop iteration each',
      inputSchema: turnLoopSchema,
      outputSchema: groupOutputSchema,
      options,
    })
      // Until no step is left: a group that saw the event rejected leaves none (`hasNextStep`).
      .dountil(
        // It takes more than the loop's entry (the union above); Mastra's types want the same.
        turnEvent as unknown as Step<'mentor-turn-event', unknown, TurnLoop, GroupOutput>,
        async ({ requestContext, tracingContext, getInitData }) =>
          !(await hasNextStep(
            turnRunOf(requestContext, getInitData<TurnLoop>().eventId, tracingContext),
          )),
      )
      .commit(),
  );

  return createWorkflow({
    id: 'mentor-turn',
    description:
      'Applies one session event: interpret, transition, the state group’s actions, one commit',
    inputSchema: mentorTurnInputSchema,
    outputSchema: mentorTurnOutputSchema,
    options,
  })
    .then(loadTurnStep)
    .then(interpretStep)
    .branch([[async ({ inputData }) => !inputData.done, turnEvents]])
    .then(answerStep)
    .then(commitStep)
    .commit();
}
