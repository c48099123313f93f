/**
 * The session service: create and read sessions, ingest events (store, then process through the
 * turn processor, whose turns are `mentor-turn` Mastra runs once the app wires them), list
 * transitions and timers. `src/sessions/index.ts` exposes a process-wide
 * instance on the app database; tests and the bench create their own.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type pg from 'pg';
import { z } from 'zod';
import { storySchema } from '../../tools/story-loader.ts';
import { AppError, type ErrorCode } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { FINAL, initialSnapshot } from '../machine/index.ts';
import { machineNames, machines } from '../domain/machines/index.ts';
import { defaultAgentPort, type AgentPort, type TurnReplyStreams } from './agent-port.ts';
import { loadAdaptiveSettings } from './adaptive/load-profile.ts';
import { currentTask, type ArmedTimer } from './context.ts';
import { SESSION_STARTED } from './event-schemas.ts';
import { eventIdFor, sessionMachine, storeEvent, validateEvent } from './ingest.ts';
import { selectEvent } from '../db/sessions/select-event.ts';
import { selectEvents } from '../db/sessions/select-events.ts';
import { selectTransitions } from '../db/sessions/select-transitions.ts';
import { selectTurnReplies } from '../db/sessions/select-turn-replies.ts';
import { upsertMentorAvailability } from '../db/sessions/upsert-mentor-availability.ts';
import {
  insertSession,
  notFound,
  selectLearnerSessions,
  selectSession,
  selectTimerJobs,
  type TimerJob,
} from './store/session-store.ts';
import type { Retention } from './store/prune-history.ts';
import type { TimerKind } from './timers/timer-kinds.ts';
import type { TurnDraft } from './turn/draft.ts';
import { allowedIn } from './turn/machine-step.ts';
import { createTurnProcessor, type TurnProcessor } from './turn/processor.ts';
import { pausedStoryEvents } from './turn/session-control.ts';
import type {
  EventOutcome,
  EventSource,
  IngestResult,
  Reply,
  SessionRecord,
  SessionStatus,
  SessionView,
  StoredEvent,
  TransitionRecord,
} from './types.ts';
import { profileOf } from './turn/machine-profiles.ts';

/** Built once: a zod schema costs more to build than to run. */
const sessionIdSchema = z.uuid();

export const createSessionSchema = z.object({
  learnerId: z.string().trim().min(1, 'expected a learner id').max(200),
  mentorId: z.string().trim().min(1).max(200).optional(),
  machine: z
    .enum(machineNames, { error: `expected one of ${machineNames.join(', ')}` })
    .default('story'),
  story: storySchema.extend({
    id: z.string().trim().min(1).max(200).optional(),
    /** Kept apart from the learner view (story_solutions). */
    referenceSolution: z.string().max(200_000).optional(),
  }),
});
export type CreateSessionInput = z.input<typeof createSessionSchema>;

export interface CreatedSession {
  readonly session: SessionView;
  /** What the first turn said (the story, the first question). */
  readonly replies: readonly Reply[];
}

/** A session's timer: the logical one in the session context and its Graphile Worker job. */
export interface SessionTimer {
  readonly kind: TimerKind;
  readonly event: string;
  /** When it fires now (activity moves it). */
  readonly dueAt: string;
  readonly token: string;
  /** The scheduled job, when it exists (its run time is ≤ dueAt; it re-schedules itself). */
  readonly job: TimerJob | null;
}

export interface SessionServiceOptions {
  readonly pool: pg.Pool;
  readonly agents?: AgentPort;
  /** Multiplies timer durations; default 1 (the lead's wiring passes TIME_SCALE). */
  readonly timeScale?: number;
  readonly log?: { warn(message: string): void; error(message: string): void };
  /** History retention (HISTORY_RETENTION_EVENTS / _DAYS); none: history is kept. */
  readonly retention?: Retention;
  /** Test hook: runs before each action (see `blockActionHookFromEnv`). */
  readonly beforeAction?: (action: string, draft: TurnDraft) => Promise<void>;
}

export interface SessionService {
  readonly pool: pg.Pool;
  readonly processor: TurnProcessor;
  createSession(input: CreateSessionInput): Promise<CreatedSession>;
  getSession(sessionId: string): Promise<SessionView>;
  listLearnerSessions(learnerId: string): Promise<SessionView[]>;
  listTransitions(sessionId: string, limit?: number): Promise<TransitionRecord[]>;
  listEvents(sessionId: string, limit?: number): Promise<StoredEvent[]>;
  listTimers(sessionId: string): Promise<SessionTimer[]>;
  ingestEvent(
    sessionId: string,
    input: unknown,
    options?: {
      source?: EventSource;
      /** The turn's agent replies as the models write them (a duplicate event streams nothing). */
      replyStreams?: TurnReplyStreams;
      /** Called once the event is stored (accepted), before its turn runs. */
      onAccepted?: (event: { id: string; seq: number; duplicate: boolean }) => void;
    },
  ): Promise<IngestResult>;
  setMentorAvailability(mentorId: string, available: boolean): Promise<void>;
}

/** The events a session accepts now. */
export function allowedEventsOf(session: SessionRecord): string[] {
  const draftLike = {
    path: [...session.statePath],
    enteredAt: session.enteredAt,
    session: { machine: session.machine },
  };
  if (session.state === FINAL) return [];
  if (profileOf(session.machine).pausedBySession) {
    if (session.status === 'paused') return [...pausedStoryEvents];
    return [...allowedIn(draftLike), 'pause'];
  }
  return allowedIn(draftLike);
}

export function toView(session: SessionRecord): SessionView {
  const { context, ...rest } = session;
  return {
    ...rest,
    allowedEvents: allowedEventsOf(session),
    currentTask: currentTask(context),
    ...(context.adaptive ? { adaptive: context.adaptive } : {}),
  };
}

/**
 * Test hook for the crash test: with `MENTORFLOW_TEST_BLOCK_ACTION=<action>:<marker file>`, a turn
 * that reaches `<action>` writes the marker and never finishes (the test then kills the process).
 */
export function blockActionHookFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): SessionServiceOptions['beforeAction'] {
  const spec = env.MENTORFLOW_TEST_BLOCK_ACTION;
  if (!spec) return undefined;
  const [action, marker] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  return async (name, draft) => {
    if (name !== action) return;
    writeFileSync(marker, draft.event.id);
    await new Promise<never>(() => undefined);
  };
}

export function createSessionService(options: SessionServiceOptions): SessionService {
  const { pool } = options;
  const processor = createTurnProcessor({
    pool,
    agents: options.agents ?? defaultAgentPort,
    timeScale: options.timeScale ?? 1,
    ...(options.retention ? { retention: options.retention } : {}),
    beforeAction: options.beforeAction ?? blockActionHookFromEnv(),
    onError: (error, event) =>
      options.log?.error(
        `session ${event.sessionId}: event ${event.id} (${event.type}) failed: ${(error as Error).stack ?? error}`,
      ),
  });

  async function loadSession(sessionId: string): Promise<SessionRecord> {
    const session = sessionIdSchema.safeParse(sessionId).success
      ? await selectSession(pool, sessionId)
      : null;
    if (!session) throw notFound(sessionId);
    return session;
  }

  async function getSession(sessionId: string): Promise<SessionView> {
    return toView(await loadSession(sessionId));
  }

  async function resultOf(
    sessionId: string,
    seq: number,
    eventId: string,
    duplicate: boolean,
  ): Promise<IngestResult> {
    const mine = duplicate ? null : processor.takeResult(eventId);
    let processed: {
      outcome: EventOutcome;
      replies: readonly Reply[];
      version: number;
      state: string;
      status: SessionStatus;
      type: string;
    };
    if (mine) {
      processed = { ...mine, type: '' };
    } else {
      // Processed by another process (or earlier): read it back.
      const stored = await selectEvent(pool, sessionId, seq);
      if (!stored?.outcome || stored.version === null || !stored.state || !stored.sessionStatus) {
        throw new AppError(
          'INTERNAL',
          `Event ${eventId} was stored but not processed yet; recovery will process it.`,
        );
      }
      const replies =
        stored.outcome.status === 'applied' || stored.outcome.status === 'recorded'
          ? await selectTurnReplies(pool, sessionId, seq)
          : [];
      processed = {
        outcome: stored.outcome,
        replies,
        version: stored.version,
        state: stored.state,
        status: stored.sessionStatus,
        type: stored.type,
      };
    }
    const { outcome } = processed;
    if (outcome.status === 'rejected') {
      const { code, message, field, allowedEvents } = outcome.error;
      throw new AppError(code as ErrorCode, message, {
        field,
        details: { eventId, duplicate, ...(allowedEvents ? { allowedEvents } : {}) },
      });
    }
    return {
      event: { id: eventId, type: processed.type, duplicate, seq },
      session: {
        id: sessionId,
        version: processed.version,
        state: processed.state,
        status: processed.status,
      },
      outcome,
      replies: processed.replies,
    };
  }

  const service: SessionService = {
    pool,
    processor,
    async createSession(input) {
      const parsed = parseOrThrow(createSessionSchema, input);
      const { referenceSolution, ...story } = parsed.story;
      const id = randomUUID();
      const machine = machines[parsed.machine];
      await insertSession(pool, {
        id,
        learnerId: parsed.learnerId,
        mentorId: parsed.mentorId ?? null,
        machine: parsed.machine,
        path: initialSnapshot(machine).path,
        story: { ...story, id: story.id ?? id },
        referenceSolution: referenceSolution ?? null,
        // Seed 001 adaptive features: what this session adapts, from the learner's earlier sessions.
        context:
          parsed.machine === 'story'
            ? { adaptive: await loadAdaptiveSettings(pool, parsed.learnerId) }
            : {},
      });
      // The first event runs the initial state's entry actions (a story session loads its story).
      const key = SESSION_STARTED;
      const { stored } = await storeEvent(
        pool,
        id,
        { key, id: eventIdFor(id, key), type: SESSION_STARTED, data: {} },
        'system',
      );
      await processor.drain(id, stored);
      const replies =
        processor.takeResult(stored.id)?.replies ?? (await selectTurnReplies(pool, id, stored.seq));
      return { session: await getSession(id), replies };
    },
    getSession,
    async listLearnerSessions(learnerId) {
      return (await selectLearnerSessions(pool, learnerId)).map(toView);
    },
    async listTransitions(sessionId, limit) {
      await getSession(sessionId);
      return selectTransitions(pool, sessionId, limit);
    },
    async listEvents(sessionId, limit) {
      await getSession(sessionId);
      return selectEvents(pool, sessionId, limit);
    },
    async listTimers(sessionId) {
      const session = await loadSession(sessionId);
      const jobs = await selectTimerJobs(pool, sessionId);
      const timers = Object.entries(session.context.timers ?? {}) as [TimerKind, ArmedTimer][];
      return timers.map(([kind, t]) => ({
        kind,
        event: t.event,
        dueAt: t.dueAt,
        token: t.token,
        job: jobs.find((j) => j.key.endsWith(`:${kind}`)) ?? null,
      }));
    },
    async ingestEvent(sessionId, input, ingestOptions = {}) {
      if (!sessionIdSchema.safeParse(sessionId).success) throw notFound(sessionId);
      const machine = await sessionMachine(pool, sessionId);
      const event = validateEvent(sessionId, machine, input);
      const { stored, duplicate } = await storeEvent(
        pool,
        sessionId,
        event,
        ingestOptions.source ?? 'client',
      );
      ingestOptions.onAccepted?.({ id: stored.id, seq: stored.seq, duplicate });
      if (duplicate) {
        if (!stored.processedAt) await processor.drain(sessionId);
        const result = await resultOf(sessionId, stored.seq, stored.id, true);
        return {
          ...result,
          event: { id: stored.id, type: stored.type, duplicate: true, seq: stored.seq },
        };
      }
      const stop = ingestOptions.replyStreams
        ? processor.streamReplies(stored.id, ingestOptions.replyStreams)
        : undefined;
      try {
        await processor.drain(sessionId, stored);
      } finally {
        stop?.();
      }
      const result = await resultOf(sessionId, stored.seq, stored.id, false);
      return { ...result, event: { ...result.event, type: stored.type } };
    },
    async setMentorAvailability(mentorId, available) {
      await upsertMentorAvailability(pool, { id: mentorId, available });
    },
  };
  return service;
}
