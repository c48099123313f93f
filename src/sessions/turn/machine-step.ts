/**
 * Applies machine events to a draft with the pure engine (`src/machine`), runs the actions each
 * transition returns, then the events those actions queued (run to completion).
 */
import { AppError } from '../../errors/app-error.ts';
import {
  allowedEvents,
  can,
  isEvent,
  transition,
  type AnyMachine,
  type Snapshot,
} from '../../machine/index.ts';
import { machines } from '../../domain/machines/index.ts';
import { actionHandler } from '../actions/index.ts';
import type { MachineName } from '../types.ts';
import { leaf, type TurnDeps, type TurnDraft } from './draft.ts';
import { guardContexts } from './guard-context.ts';

/** Events queued by actions in one turn, at most (a loop in the machine data would otherwise spin). */
const MAX_CHAIN = 40;
/** Event data kept in the transition log, at most (bytes of JSON); larger data is in the inbox row. */
const MAX_EVENT_DATA = 2000;

export function machineOf(name: MachineName): AnyMachine {
  return machines[name];
}

/** The draft's current state as an engine snapshot (history lives in state_transitions, not here). */
export function snapshotOf(
  draft: Pick<TurnDraft, 'path' | 'enteredAt'> & { session: { machine: MachineName } },
): Snapshot {
  return {
    machine: machineOf(draft.session.machine).id,
    path: draft.path,
    enteredAt: draft.enteredAt,
    historyLimit: 1,
    history: [],
  };
}

/** True when `event` is handled in the draft's state (guards not evaluated). */
export function canApply(draft: TurnDraft, event: string): boolean {
  const machine = machineOf(draft.session.machine);
  return (
    isEvent(machine, event) &&
    can(
      machine,
      snapshotOf(draft),
      event,
      guardContexts[draft.session.machine].staticGuardContext(draft),
    )
  );
}

/** Events accepted in the draft's state. */
export function allowedIn(
  draft: Pick<TurnDraft, 'path' | 'enteredAt'> & { session: { machine: MachineName } },
): string[] {
  return allowedEvents(machineOf(draft.session.machine), snapshotOf(draft));
}

function compact(data: Record<string, unknown>): unknown {
  if (Object.keys(data).length === 0) return null;
  const json = JSON.stringify(data);
  return json.length <= MAX_EVENT_DATA ? data : { truncated: true, bytes: json.length };
}

async function transitionOnce(
  draft: TurnDraft,
  deps: TurnDeps,
  event: string,
  data: Record<string, unknown>,
): Promise<void> {
  const machine = machineOf(draft.session.machine);
  const guards = await guardContexts[draft.session.machine].guardContext(draft, deps, event);
  const result = transition(machine, snapshotOf(draft), event, guards, data, draft.now);
  const from = leaf(draft);
  draft.path = [...result.snapshot.path];
  draft.enteredAt = result.snapshot.enteredAt;
  draft.transitions.push({
    from_state: from,
    event,
    to_state: leaf(draft),
    event_data: compact(data),
  });
  for (const step of result.steps) {
    const handler = actionHandler(draft.session.machine, step.action);
    if (!handler)
      throw new AppError(
        'INTERNAL',
        `No handler for action '${step.action}' of machine '${machine.id}'.`,
      );
    await deps.beforeAction?.(step.action, draft);
    draft.actions.push(step.action);
    await handler({ draft, deps, action: step.action, data });
  }
}

/**
 * Applies `event` (throws InvalidTransitionError / GuardRejectedError when it does not apply), then
 * every event the actions queued, in order. A queued event that does not apply in the state reached
 * is dropped with a note: actions queue what their state expects, so this only happens when a
 * later event of the same chain already moved on.
 */
export async function applyMachineEvent(
  draft: TurnDraft,
  deps: TurnDeps,
  event: string,
  data: Record<string, unknown>,
): Promise<void> {
  await transitionOnce(draft, deps, event, data);
  for (let applied = 0; draft.followUps.length; applied++) {
    if (applied >= MAX_CHAIN)
      throw new AppError(
        'INTERNAL',
        `More than ${MAX_CHAIN} chained events in one turn (last: ${draft.followUps[0]!.event}).`,
      );
    const next = draft.followUps.shift()!;
    if (!canApply(draft, next.event)) {
      draft.notes.push(`queued event '${next.event}' does not apply in ${leaf(draft)}; dropped`);
      continue;
    }
    await transitionOnce(draft, deps, next.event, next.data);
  }
}
