/**
 * The order in which one turn applies machine events, as a cursor both turn runners walk: the
 * direct runner in a loop (`compute-turn.ts`), the `mentor-turn` Mastra workflow one loop iteration
 * per event (`workflow/`). Run to completion: the events an action queued come before the next
 * interpreted event; then the same inbox event read again in the state reached (a revised plan is
 * reviewed at once); then the escalation triggers.
 */
import { AppError } from '../../errors/app-error.ts';
import { storyPolicies } from '../../domain/machines/story-policies.ts';
import { evaluateEscalation } from '../escalation.ts';
import { activityOf, recentWithCurrent } from '../interpret/activity.ts';
import type { Interpretation, MachineEventCall } from '../interpret/interpretation.ts';
import { leaf, type TurnDeps, type TurnDraft } from './draft.ts';
import { profileOf } from './machine-profiles.ts';
import { canApply, type TurnStep } from './machine-step.ts';

/** Events queued by actions after one interpreted event, at most (a loop in the machine data would spin). */
const MAX_CHAIN = 40;

export interface TurnCursor {
  /** The next step, or null when the turn has applied everything. */
  next(draft: TurnDraft, deps: TurnDeps): Promise<TurnStep | null>;
}

/**
 * A cursor over the interpretation of the turn's inbox event (`reading`), or over the initial
 * state's entry when `enter` (the session's first event).
 */
export function turnCursor(
  reading: Interpretation | null,
  options: { enter?: boolean } = {},
): TurnCursor {
  let enter = options.enter ?? false;
  const planned: MachineEventCall[] = [...(reading?.events ?? [])];
  let reinterpret = reading?.reinterpret ?? false;
  let escalation = reading?.checkEscalation ?? false;
  let chained = 0;

  return {
    async next(draft, deps) {
      if (enter) {
        enter = false;
        return { kind: 'enter' };
      }
      for (;;) {
        const followUp = draft.followUps.shift();
        if (followUp) {
          if (++chained > MAX_CHAIN)
            throw new AppError(
              'INTERNAL',
              `More than ${MAX_CHAIN} chained events in one turn (last: ${followUp.event}).`,
            );
          // Actions queue what their state expects; a later event of the same chain moved on.
          if (!canApply(draft, followUp.event)) {
            draft.notes.push(
              `queued event '${followUp.event}' does not apply in ${leaf(draft)}; dropped`,
            );
            continue;
          }
          return { kind: 'event', ...followUp };
        }
        chained = 0;
        const call = planned.shift();
        // An interpreted event must apply: the engine rejects it otherwise (the event's outcome).
        if (call) return { kind: 'event', event: call.event, data: call.data };
        if (reinterpret) {
          reinterpret = false;
          const again = await profileOf(draft.session.machine).interpret(draft, deps);
          planned.push(...again.events);
          continue;
        }
        if (escalation) {
          escalation = false;
          const escalate = escalationEvent(draft, deps);
          if (escalate) return escalate;
        }
        return null;
      }
    },
  };
}

/** The `escalate` event when the session's activity trips an escalation trigger now. */
function escalationEvent(draft: TurnDraft, deps: TurnDeps): TurnStep | null {
  if (
    !profileOf(draft.session.machine).escalates ||
    draft.status !== 'active' ||
    !canApply(draft, 'escalate')
  )
    return null;
  // "No progress for 2+ hours" is a duration like the timers: scaled by TIME_SCALE too.
  const policy = {
    ...storyPolicies.escalation,
    noProgressMs: Math.round(storyPolicies.escalation.noProgressMs * deps.timeScale),
  };
  const decision = evaluateEscalation(activityOf(draft, recentWithCurrent(draft, deps)), {
    now: draft.now,
    policy,
  });
  if (!decision.escalate) return null;
  return {
    kind: 'event',
    event: 'escalate',
    data: { reasons: decision.reasons.map((r) => ({ trigger: r.trigger, detail: r.detail })) },
  };
}
