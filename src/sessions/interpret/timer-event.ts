/**
 * A fired timer (`timeout` event with `kind` and `token`): stale firings are ignored, early ones
 * (the due time moved after activity) re-arm the job for the new due time.
 */
import type { ArmedTimer } from '../context.ts';
import { SESSION_TIMER_TASK, timerJobKey, type TimerKind } from '../timers/timer-kinds.ts';
import type { TurnDraft } from '../turn/draft.ts';

/** Firings up to this much before the due time count as due (clock skew between hosts). */
export const DUE_TOLERANCE_MS = 25;

export type TimerReading =
  | { readonly fired: ArmedTimer; readonly kind: TimerKind }
  | { readonly ignored: string };

export function readTimer(
  draft: TurnDraft,
  kind: TimerKind,
  token: string | undefined,
): TimerReading {
  const armed = draft.context.timers?.[kind];
  if (!armed || armed.token !== token)
    return { ignored: `timer '${kind}' was cleared or re-armed since` };
  if (Date.parse(armed.dueAt) - DUE_TOLERANCE_MS > draft.now.getTime()) {
    // Activity moved the due time after this job was scheduled: schedule it again, with a new
    // token, since this firing's idempotency key is now used.
    const token = `${draft.event.id}:resched`;
    draft.context.timers = {
      ...draft.context.timers,
      [kind]: { ...armed, token, jobRunAt: armed.dueAt },
    };
    const key = timerJobKey(draft.session.id, kind);
    draft.timers.set(key, {
      key,
      task: SESSION_TIMER_TASK,
      payload: { sessionId: draft.session.id, kind, token },
      runAt: armed.dueAt,
    });
    return { ignored: `timer '${kind}' not due until ${armed.dueAt}: re-armed` };
  }
  const { [kind]: _fired, ...rest } = draft.context.timers ?? {};
  draft.context.timers = rest;
  return { fired: armed, kind };
}
