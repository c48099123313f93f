/**
 * One turn step with the pure engine (`src/machine`): the transition, then the actions it returns
 * (run separately, so the Mastra turn workflow shows them as the state group's nested workflow).
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

/** What a turn applies: a machine event, or (a session's first turn) the initial state's entry. */
export type TurnStep =
  | { readonly kind: 'event'; readonly event: string; readonly data: Record<string, unknown> }
  | { readonly kind: 'enter' };

/** The actions a turn step runs, and the event data they see. */
export interface StepActions {
  readonly actions: readonly string[];
  readonly data: Record<string, unknown>;
}

/**
 * Applies one turn step with the pure engine: a machine event moves the draft's state and logs the
 * transition (throws InvalidTransitionError / GuardRejectedError when it does not apply); the
 * session's first step enters the initial path. Returns the actions to run, which this does not run.
 */
export async function transitionStep(
  draft: TurnDraft,
  deps: TurnDeps,
  step: TurnStep,
): Promise<StepActions> {
  const machine = machineOf(draft.session.machine);
  if (step.kind === 'enter') {
    const actions = draft.path.flatMap((state) => machine.states[state]?.entry ?? []);
    return { actions, data: {} };
  }
  const { event, data } = step;
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
  return { actions: result.steps.map((s) => s.action), data };
}

/** Runs a step's actions in order (they change the draft and may queue follow-up events). */
export async function runActions(
  draft: TurnDraft,
  deps: TurnDeps,
  { actions, data }: StepActions,
): Promise<void> {
  for (const action of actions) {
    const handler = actionHandler(draft.session.machine, action);
    if (!handler)
      throw new AppError(
        'INTERNAL',
        `No handler for action '${action}' of machine '${machineOf(draft.session.machine).id}'.`,
      );
    await deps.beforeAction?.(action, draft);
    draft.actions.push(action);
    await handler({ draft, deps, action, data });
  }
}
