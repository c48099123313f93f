/**
 * `pause` and `resume` of a story session. The story machine has no pause state: pausing is a
 * session status that stops the timers (keeping what they had left) and refuses other events
 * until `resume` (or `cancel`). Both are logged as transitions that keep the state.
 */
import { InvalidTransitionError } from '../../machine/index.ts';
import { timerSpecs, type TimerKind } from '../timers/timer-kinds.ts';
import { armTimer, clearTimer, leaf, reply, type TurnDraft } from './draft.ts';
import { allowedIn } from './machine-step.ts';

/** Events a paused story session accepts. */
export const pausedStoryEvents = ['resume', 'cancel'] as const;

export function pauseStory(draft: TurnDraft): void {
  const state = leaf(draft);
  if (draft.status !== 'active')
    throw new InvalidTransitionError(
      state,
      'pause',
      draft.status === 'paused' ? [...pausedStoryEvents] : [],
    );
  const paused: { kind: TimerKind; remainingMs: number; event: string }[] = [];
  for (const [kind, timer] of Object.entries(draft.context.timers ?? {}) as [
    TimerKind,
    NonNullable<TurnDraft['context']['timers']>[TimerKind],
  ][]) {
    if (!timer) continue;
    paused.push({
      kind,
      remainingMs: Math.max(1, Date.parse(timer.dueAt) - draft.now.getTime()),
      event: timer.event,
    });
    clearTimer(draft, kind);
  }
  draft.context.pausedTimers = paused;
  if (typeof draft.event.data.reason === 'string')
    draft.context.pauseReason = draft.event.data.reason;
  draft.status = 'paused';
  draft.pausedAt = draft.now.toISOString();
  draft.transitions.push({
    from_state: state,
    event: 'pause',
    to_state: state,
    event_data: draft.event.data.reason ? { reason: draft.event.data.reason } : null,
  });
  reply(draft, 'pause', 'Session paused. Timers are stopped until you resume.');
}

export function resumeStory(draft: TurnDraft): void {
  const state = leaf(draft);
  if (draft.status !== 'paused')
    throw new InvalidTransitionError(
      state,
      'resume',
      draft.status === 'active' ? [...allowedIn(draft), 'pause'] : [],
    );
  for (const t of draft.context.pausedTimers ?? []) {
    // Remaining time was measured scaled: re-arm with it as is.
    const spec =
      t.kind === 'step'
        ? { kind: t.kind, afterMs: t.remainingMs, event: t.event }
        : { ...timerSpecs[t.kind], afterMs: t.remainingMs };
    armTimer(draft, spec, 1);
  }
  delete draft.context.pausedTimers;
  delete draft.context.pauseReason;
  draft.status = 'active';
  draft.pausedAt = null;
  draft.transitions.push({ from_state: state, event: 'resume', to_state: state, event_data: null });
  reply(draft, 'resume', 'Welcome back. Timers are running again.');
}
