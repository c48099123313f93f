/**
 * One turn, computed in memory: interpret the inbox event in the session's state, apply the machine
 * event(s) with their actions, push back the activity timers, and describe everything to commit.
 * An event that does not apply (wrong state, guard, paused session) becomes a rejection: the commit
 * then only records the outcome on the inbox row.
 */
import { isAppError } from '../../errors/app-error.ts';
import { actionHandler } from '../actions/index.ts';
import { answerLearner } from '../answer/answer-learner.ts';
import { guardReplies } from '../answer/reply-guard.ts';
import { FINAL, InvalidTransitionError, isDone } from '../../machine/index.ts';
import { storyPolicies } from '../../domain/machines/story-policies.ts';
import { evaluateEscalation } from '../escalation.ts';
import { SESSION_STARTED } from '../event-schemas.ts';
import { activityOf, recentWithCurrent } from '../interpret/activity.ts';
import type { Interpretation } from '../interpret/interpretation.ts';
import type { TurnCommit } from '../store/commit.ts';
import { activityTimers, progressTimers } from '../timers/timer-kinds.ts';
import type { EventOutcome, Reply, SessionRecord, SessionStatus, StoredEvent } from '../types.ts';
import { leaf, newDraft, pushBackTimer, type TurnDeps, type TurnDraft } from './draft.ts';
import { profileOf } from './machine-profiles.ts';
import { applyMachineEvent, canApply, machineOf, snapshotOf } from './machine-step.ts';
import { pauseStory, pausedStoryEvents, resumeStory } from './session-control.ts';

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

async function runEntryActions(draft: TurnDraft, deps: TurnDeps): Promise<void> {
  // A new session enters its initial state: run that path's entry actions, then what they queue.
  const machine = machineOf(draft.session.machine);
  for (const state of draft.path) {
    for (const action of machine.states[state]?.entry ?? []) {
      await deps.beforeAction?.(action, draft);
      draft.actions.push(action);
      await actionHandler(draft.session.machine, action)!({ draft, deps, action, data: {} });
    }
  }
  const queued = draft.followUps.splice(0);
  for (const next of queued) await applyMachineEvent(draft, deps, next.event, next.data);
}

function interpret(draft: TurnDraft, deps: TurnDeps): Promise<Interpretation> {
  return profileOf(draft.session.machine).interpret(draft, deps);
}

async function escalateIfNeeded(draft: TurnDraft, deps: TurnDeps): Promise<void> {
  if (
    !profileOf(draft.session.machine).escalates ||
    draft.status !== 'active' ||
    !canApply(draft, 'escalate')
  )
    return;
  // "No progress for 2+ hours" is a duration like the timers: scaled by TIME_SCALE too.
  const policy = {
    ...storyPolicies.escalation,
    noProgressMs: Math.round(storyPolicies.escalation.noProgressMs * deps.timeScale),
  };
  const decision = evaluateEscalation(activityOf(draft, recentWithCurrent(draft, deps)), {
    now: draft.now,
    policy,
  });
  if (!decision.escalate) return;
  await applyMachineEvent(draft, deps, 'escalate', {
    reasons: decision.reasons.map((r) => ({ trigger: r.trigger, detail: r.detail })),
  });
}

/** Applies the draft's event; returns why nothing moved when nothing did. */
async function process(
  draft: TurnDraft,
  deps: TurnDeps,
): Promise<{ reason?: string; ignored?: string }> {
  const { type } = draft.event;
  if (type === SESSION_STARTED) {
    await runEntryActions(draft, deps);
    return { reason: 'session started' };
  }
  // A finished machine accepts nothing, not even activity to record.
  if (isDone(machineOf(draft.session.machine), snapshotOf(draft)))
    throw new InvalidTransitionError(leaf(draft), type, []);
  if (profileOf(draft.session.machine).pausedBySession) {
    if (type === 'pause') {
      pauseStory(draft);
      return {};
    }
    if (type === 'resume') {
      resumeStory(draft);
      return {};
    }
    if (draft.status === 'paused' && type !== 'cancel')
      throw new InvalidTransitionError(
        leaf(draft),
        type,
        [...pausedStoryEvents],
        'while the session is paused',
      );
  }
  const reading = await interpret(draft, deps);
  if (reading.ignored) return { ignored: reading.ignored };
  for (const { event, data } of reading.events) await applyMachineEvent(draft, deps, event, data);
  if (reading.reinterpret) {
    const again = await interpret(draft, deps);
    for (const { event, data } of again.events) await applyMachineEvent(draft, deps, event, data);
  }
  if (reading.checkEscalation) await escalateIfNeeded(draft, deps);
  // A learner who writes always gets an answer, even when nothing moved.
  await answerLearner(draft, deps);
  if (reading.activity) {
    draft.lastActivityAt = draft.now.toISOString();
    for (const kind of activityTimers) pushBackTimer(draft, kind);
  }
  if (reading.progress) for (const kind of progressTimers) pushBackTimer(draft, kind);
  return { reason: reading.reason };
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

/** Computes the turn for `event` on `session` (which must be the session's latest version). */
export async function computeTurn(
  session: SessionRecord,
  event: StoredEvent,
  deps: TurnDeps,
  now = new Date(),
): Promise<ComputedTurn> {
  const started = performance.now();
  const draft = newDraft(session, event, now);
  let result: { reason?: string; ignored?: string };
  try {
    result = await process(draft, deps);
    await guardReplies(draft, deps);
  } catch (error) {
    if (isAppError(error) && rejectionCodes.has(error.code))
      return rejection(session, event, error);
    throw error;
  }

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
