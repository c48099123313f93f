/**
 * One turn, computed in memory, in phases both turn runners share (the direct one in
 * `computeTurn`, the `mentor-turn` Mastra workflow one step per phase): read the inbox event in the
 * session's state, apply the machine event(s) with their actions, answer and push back the activity
 * timers, and describe everything to commit.
 * An event that does not apply (wrong state, guard, paused session) becomes a rejection: the commit
 * then only records the outcome on the inbox row.
 */
import { isAppError } from '../../errors/app-error.ts';
import { answerLearner } from '../answer/answer-learner.ts';
import { guardReplies } from '../answer/reply-guard.ts';
import { FINAL, InvalidTransitionError, isDone } from '../../machine/index.ts';
import { SESSION_STARTED } from '../event-schemas.ts';
import type { Interpretation } from '../interpret/interpretation.ts';
import type { TurnCommit } from '../store/commit.ts';
import { activityTimers, progressTimers } from '../timers/timer-kinds.ts';
import type { EventOutcome, Reply, SessionRecord, SessionStatus, StoredEvent } from '../types.ts';
import { leaf, newDraft, pushBackTimer, type TurnDeps, type TurnDraft } from './draft.ts';
import { profileOf } from './machine-profiles.ts';
import { machineOf, runActions, snapshotOf, transitionStep } from './machine-step.ts';
import { pauseStory, pausedStoryEvents, resumeStory } from './session-control.ts';
import { turnCursor, type TurnCursor } from './turn-cursor.ts';
import { PRUNE_HISTORY_TASK, pruneEvery, pruneJobKey } from '../timers/prune-tasks.ts';

/** Error codes that reject an event (stored as its outcome) rather than fail the turn. */
const rejectionCodes = new Set([
  'INVALID_TRANSITION',
  'GUARD_REJECTED',
  'VALIDATION_ERROR',
  'CONFLICT',
]);

export interface ComputedTurn {
  readonly commit: TurnCommit;
  /** What the turn said (stored with the turn record). */
  readonly replies: readonly Reply[];
  /** The session as it will be once the commit succeeds (version filled in by the caller). */
  readonly next: SessionRecord;
}

function statusOf(draft: TurnDraft): SessionStatus {
  const state = leaf(draft);
  const cancelled = (e: string | undefined) => e === 'cancel' || e === 'CANCEL';
  if (state === FINAL)
    return cancelled(draft.transitions.at(-1)?.event) ? 'cancelled' : 'completed';
  if (state === 'STORY_COMPLETE' || state === 'COMPLETION') return 'completed';
  if (state === 'CANCELLED') return 'cancelled';
  // The lifecycle machine has a PAUSED state; a story session is paused by `pause` (session-control.ts).
  if (
    state === 'PAUSED' ||
    (profileOf(draft.session.machine).pausedBySession && draft.status === 'paused')
  ) {
    return 'paused';
  }
  return 'active';
}

/** A turn between its phases: the draft, the cursor over what to apply, and how it was read. */
export interface OpenTurn {
  readonly session: SessionRecord;
  readonly event: StoredEvent;
  readonly deps: TurnDeps;
  readonly draft: TurnDraft;
  readonly started: number;
  /** The interpretation of the inbox event (null: a start, pause or resume, applied without one). */
  reading: Interpretation | null;
  cursor: TurnCursor;
  /** Why nothing moved when nothing did. */
  result: { reason?: string; ignored?: string };
}

/** Starts a turn for `event` on `session` (which must be the session's latest version). */
export function openTurn(
  session: SessionRecord,
  event: StoredEvent,
  deps: TurnDeps,
  now = new Date(),
): OpenTurn {
  return {
    session,
    event,
    deps,
    draft: newDraft(session, event, now),
    started: performance.now(),
    reading: null,
    cursor: turnCursor(null),
    result: {},
  };
}

/**
 * Reads the inbox event in the session's state: a session's first event enters the initial state;
 * pause and resume apply at once; anything else goes to the machine profile's interpreter. Throws
 * (a rejection) when the machine is finished or the session paused.
 */
export async function readTurn(turn: OpenTurn): Promise<void> {
  const { draft, deps } = turn;
  const { type } = draft.event;
  if (type === SESSION_STARTED) {
    turn.cursor = turnCursor(null, { enter: true });
    turn.result = { reason: 'session started' };
    return;
  }
  // A finished machine accepts nothing, not even activity to record.
  if (isDone(machineOf(draft.session.machine), snapshotOf(draft)))
    throw new InvalidTransitionError(leaf(draft), type, []);
  if (profileOf(draft.session.machine).pausedBySession) {
    if (type === 'pause') return pauseStory(draft);
    if (type === 'resume') return resumeStory(draft);
    // A paused session still takes a cancel, and a human mentor's message (the learner may have
    // paused because they were stuck).
    if (draft.status === 'paused' && type !== 'cancel' && type !== 'mentor-message')
      throw new InvalidTransitionError(
        leaf(draft),
        type,
        [...pausedStoryEvents],
        'while the session is paused',
      );
  }
  const reading = await profileOf(draft.session.machine).interpret(draft, deps);
  if (reading.ignored) {
    turn.result = { ignored: reading.ignored };
    return;
  }
  turn.reading = reading;
  turn.cursor = turnCursor(reading);
  turn.result = { reason: reading.reason };
}

/** Applies the cursor's next step, transition then actions; false once there is none. */
export async function applyNext(turn: OpenTurn): Promise<boolean> {
  const step = await turn.cursor.next(turn.draft, turn.deps);
  if (!step) return false;
  await runActions(turn.draft, turn.deps, await transitionStep(turn.draft, turn.deps, step));
  return true;
}

/** After the machine: answer a learner who wrote, push back the activity timers, guard the replies. */
export async function closeTurn(turn: OpenTurn): Promise<void> {
  const { draft, deps, reading } = turn;
  if (reading) {
    // A learner who writes always gets an answer, even when nothing moved.
    await answerLearner(draft, deps);
    if (reading.activity) {
      draft.lastActivityAt = draft.now.toISOString();
      for (const kind of activityTimers) pushBackTimer(draft, kind);
    }
    if (reading.progress) for (const kind of progressTimers) pushBackTimer(draft, kind);
  }
  if (deps.retention && draft.event.seq % pruneEvery(deps.retention) === 0) {
    // Written with the turn's commit: the prune is as durable as the event that called for it.
    const key = pruneJobKey(draft.session.id);
    draft.timers.set(key, {
      key,
      task: PRUNE_HISTORY_TASK,
      payload: { sessionId: draft.session.id },
      runAt: draft.now.toISOString(),
    });
  }
  await guardReplies(draft, deps);
}

/** The turn as a rejection when `error` rejects the event (its outcome); rethrows anything else. */
export function rejectTurn(
  turn: Pick<OpenTurn, 'session' | 'event'>,
  error: unknown,
): ComputedTurn {
  if (isAppError(error) && rejectionCodes.has(error.code))
    return rejection(turn.session, turn.event, error);
  throw error;
}

function rejection(
  session: SessionRecord,
  event: StoredEvent,
  error: { code: string; message: string; field?: string; details?: Record<string, unknown> },
): ComputedTurn {
  const allowed = error.details?.allowedEvents;
  const outcome: EventOutcome = {
    status: 'rejected',
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(Array.isArray(allowed) ? { allowedEvents: allowed as string[] } : {}),
    },
  };
  return {
    commit: {
      sessionId: session.id,
      seq: event.seq,
      eventId: event.id,
      version: session.version,
      outcome,
    },
    replies: [],
    next: session,
  };
}

/** Computes the turn for `event` on `session` in one go (the direct runner). */
export async function computeTurn(
  session: SessionRecord,
  event: StoredEvent,
  deps: TurnDeps,
  now = new Date(),
): Promise<ComputedTurn> {
  const turn = openTurn(session, event, deps, now);
  try {
    await readTurn(turn);
    while (await applyNext(turn));
    await closeTurn(turn);
  } catch (error) {
    return rejectTurn(turn, error);
  }
  return buildTurn(turn);
}

/** Everything the turn writes, from its draft (one commit, `store/commit.ts`). */
export function buildTurn(turn: OpenTurn): ComputedTurn {
  const { session, event, draft, result, started } = turn;
  const now = draft.now;
  // An ignored timer still writes when it re-armed its job or dropped a fired timer from the context.
  const changed =
    !result.ignored ||
    draft.timers.size > 0 ||
    JSON.stringify(draft.context) !== JSON.stringify(session.context);
  const status = statusOf(draft);
  const finished = status === 'completed' || status === 'cancelled';
  const outcome: EventOutcome = result.ignored
    ? { status: 'ignored', reason: result.ignored }
    : draft.transitions.length
      ? {
          status: 'applied',
          machineEvents: draft.transitions.map((t) => t.event),
          from: session.state,
          to: leaf(draft),
          ...(draft.notes.length ? { notes: draft.notes } : {}),
        }
      : {
          status: 'recorded',
          reason: result.reason ?? 'recorded',
          ...(draft.notes.length ? { notes: draft.notes } : {}),
        };

  const next: SessionRecord = {
    ...session,
    state: leaf(draft),
    statePath: draft.path,
    enteredAt: draft.enteredAt,
    status,
    context: draft.context,
    story: draft.story,
    nextCheckIn: draft.nextCheckIn,
    lastActivityAt: draft.lastActivityAt,
    pausedAt: draft.pausedAt,
    completedAt: finished ? (session.completedAt ?? now.toISOString()) : null,
    updatedAt: now.toISOString(),
  };
  const hasTurn =
    draft.actions.length > 0 || draft.replies.length > 0 || draft.agentCalls.length > 0;
  const agentModels = draft.agentCalls.map((c) => c.model);
  const commit: TurnCommit = {
    sessionId: session.id,
    seq: event.seq,
    eventId: event.id,
    version: session.version,
    outcome,
    ...(changed
      ? {
          session: {
            state: next.state,
            path: next.statePath,
            enteredAt: next.enteredAt,
            status: next.status,
            context: next.context,
            ...(draft.storyChanged ? { story: draft.story } : {}),
            nextCheckIn: next.nextCheckIn,
            lastActivityAt: next.lastActivityAt,
            pausedAt: next.pausedAt,
            completedAt: next.completedAt,
          },
          // Only what the turn wrote: absent lists cost the commit nothing.
          ...(draft.transitions.length ? { transitions: draft.transitions } : {}),
          ...(draft.notifications.length ? { notifications: draft.notifications } : {}),
          ...(draft.assessments.length ? { assessments: draft.assessments } : {}),
          ...(draft.goals.length ? { goals: draft.goals } : {}),
          ...(draft.progress.length ? { progress: draft.progress } : {}),
          ...(draft.timers.size ? { timers: [...draft.timers.values()] } : {}),
          ...(hasTurn
            ? {
                turn: {
                  actions: draft.actions,
                  replies: draft.replies,
                  agentCalls: draft.agentCalls,
                  tokensIn: draft.agentCalls.reduce((n, c) => n + c.tokensIn, 0),
                  tokensOut: draft.agentCalls.reduce((n, c) => n + c.tokensOut, 0),
                  latencyMs: Math.round(performance.now() - started),
                  model: agentModels.length ? agentModels[agentModels.length - 1]! : null,
                  fallback: draft.agentCalls.some((c) => c.fallback),
                },
              }
            : {}),
        }
      : {}),
  };
  return { commit, replies: draft.replies, next: changed ? next : session };
}
