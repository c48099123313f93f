/**
 * The pure transition function: given a machine, a snapshot, an event and the context, returns the
 * next snapshot and the ordered action names to run. Runs nothing itself.
 */
import { AppError } from '../errors/app-error.ts';
import { GuardRejectedError, InvalidTransitionError } from './errors.ts';
import { chainOf, entryPath, isFinalState, stateConfig } from './hierarchy.ts';
import { currentState } from './snapshot.ts';
import type { HistoryEntry, Snapshot } from './snapshot.ts';
import { FINAL } from './types.ts';
import type { AnyMachine, ContextOf, EventOf, FinalPseudoState, StateOf } from './types.ts';

/** A transition as found for a state: declared on `source` (the state, an ancestor, or `*` for any-state). */
export interface ResolvedTransition {
  readonly source: string;
  readonly event: string;
  readonly to: string;
  readonly guard?: string;
  readonly actions: readonly string[];
  readonly addition?: string;
}

/** One returned action with where it came from. */
export interface ActionStep {
  readonly phase: 'exit' | 'transition' | 'entry';
  /** The state exited or entered; for `transition`, the state the edge is declared on. */
  readonly state: string;
  readonly action: string;
}

export interface TransitionResult<S extends string = string> {
  readonly snapshot: Snapshot<S>;
  /** Action names in execution order: exit actions (innermost first), the edge's actions, entry actions (outermost first). */
  readonly actions: string[];
  /** The same actions with their phase and state. */
  readonly steps: ActionStep[];
  /** States left, innermost first. */
  readonly exited: string[];
  /** States entered, outermost first. */
  readonly entered: string[];
  readonly transition: ResolvedTransition;
}

/** Per-machine index: state → event → candidate edges in priority order (own, then ancestors, then any-state). */
type Index = Map<string, Map<string, ResolvedTransition[]>>;
const indexes = new WeakMap<AnyMachine, Index>();

function candidatesFor(machine: AnyMachine, leaf: string): Map<string, ResolvedTransition[]> {
  let index = indexes.get(machine);
  if (!index) {
    index = new Map();
    indexes.set(machine, index);
  }
  const cached = index.get(leaf);
  if (cached) return cached;

  const byEvent = new Map<string, ResolvedTransition[]>();
  const add = (t: ResolvedTransition) => {
    const list = byEvent.get(t.event) ?? [];
    list.push(t);
    byEvent.set(t.event, list);
  };
  if (!isFinalState(machine, leaf)) {
    const chain = chainOf(machine, leaf);
    for (const state of [...chain].reverse()) {
      for (const t of machine.transitions) {
        if (t.from === state)
          add({
            source: state,
            event: t.event,
            to: t.to,
            guard: t.guard,
            actions: t.actions ?? [],
            addition: t.addition,
          });
      }
    }
    for (const t of machine.anyState ?? []) {
      if (t.except?.some((s) => chain.includes(s))) continue;
      add({
        source: '*',
        event: t.event,
        to: t.to,
        guard: t.guard,
        actions: t.actions ?? [],
        addition: t.addition,
      });
    }
  }
  index.set(leaf, byEvent);
  return byEvent;
}

/** Events accepted in the snapshot's state (declared, regardless of guards), in the machine's event order. */
export function allowedEvents<M extends AnyMachine>(
  machine: M,
  snapshot: Snapshot<StateOf<M>>,
): EventOf<M>[] {
  const handled = candidatesFor(machine, currentState(snapshot));
  return Object.keys(machine.events).filter((e) => handled.has(e)) as EventOf<M>[];
}

/** True when `name` is one of the machine's events (narrows strings from classifiers or HTTP). */
export function isEvent<M extends AnyMachine>(machine: M, name: string): name is EventOf<M> {
  return Object.hasOwn(machine.events, name);
}

function resolve(
  machine: AnyMachine,
  snapshot: Snapshot,
  event: string,
  context: unknown,
  eventData: unknown,
): ResolvedTransition {
  const leaf = currentState(snapshot);
  const candidates = candidatesFor(machine, leaf).get(event);
  if (!candidates) throw new InvalidTransitionError(leaf, event, allowedEvents(machine, snapshot));
  const rejected: string[] = [];
  for (const candidate of candidates) {
    if (candidate.guard === undefined) return candidate;
    const guard = machine.guards[candidate.guard];
    if (typeof guard !== 'function') {
      throw new AppError(
        'INTERNAL',
        `Machine '${machine.id}' references unknown guard '${candidate.guard}'.`,
      );
    }
    if (guard(context, eventData)) return candidate;
    rejected.push(candidate.guard);
  }
  throw new GuardRejectedError(leaf, event, rejected);
}

/** True when `event` would be accepted now (handled here and a guard, if any, passes). */
export function can<M extends AnyMachine>(
  machine: M,
  snapshot: Snapshot<StateOf<M>>,
  event: EventOf<M>,
  context: ContextOf<M>,
  eventData?: unknown,
): boolean {
  try {
    resolve(machine, snapshot, event, context, eventData);
    return true;
  } catch (error) {
    if (error instanceof InvalidTransitionError || error instanceof GuardRejectedError)
      return false;
    throw error;
  }
}

/**
 * Applies `event` to `snapshot`. An event the current state (or an ancestor, or an any-state edge)
 * does not handle throws `InvalidTransitionError` (INVALID_TRANSITION, naming the allowed events);
 * when every matching edge's guard is false it throws `GuardRejectedError` (GUARD_REJECTED).
 * Entering a composite state enters its initial child; a target that is the current state or one of
 * its ancestors is exited and re-entered.
 */
export function transition<M extends AnyMachine>(
  machine: M,
  snapshot: Snapshot<StateOf<M>>,
  event: EventOf<M>,
  context: ContextOf<M>,
  eventData?: unknown,
  now: Date = new Date(),
): TransitionResult<StateOf<M>> {
  if (snapshot.machine !== machine.id) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Snapshot belongs to machine '${snapshot.machine}', not '${machine.id}'.`,
      {
        field: 'snapshot.machine',
      },
    );
  }
  const taken = resolve(machine, snapshot, event, context, eventData);
  const from = snapshot.path;
  const targetChain = taken.to === FINAL ? [] : chainOf(machine, taken.to);
  let common = 0;
  while (
    common < from.length &&
    common < targetChain.length &&
    from[common] === targetChain[common]
  )
    common++;
  // The target is the current leaf or one of its ancestors: leave it and enter it again (its entry actions rerun).
  if (taken.to !== FINAL && common === targetChain.length) common = targetChain.length - 1;

  const exited = from.slice(common).reverse() as string[];
  const path = entryPath(machine, taken.to);
  const entered = taken.to === FINAL ? [] : path.slice(common);

  const steps: ActionStep[] = [];
  for (const state of exited) {
    for (const action of stateConfig(machine, state)?.exit ?? [])
      steps.push({ phase: 'exit', state, action });
  }
  for (const action of taken.actions)
    steps.push({ phase: 'transition', state: taken.source, action });
  for (const state of entered) {
    for (const action of stateConfig(machine, state)?.entry ?? [])
      steps.push({ phase: 'entry', state, action });
  }

  const leaf = currentState(snapshot);
  const entry: HistoryEntry = {
    from: leaf,
    event,
    to: path[path.length - 1]!,
    at: now.toISOString(),
    durationMs: Math.max(0, Math.round(now.getTime() - Date.parse(snapshot.enteredAt))),
  };
  if (machine.digest) entry.digest = machine.digest(context);
  const history = [...snapshot.history, entry];
  if (history.length > snapshot.historyLimit)
    history.splice(0, history.length - snapshot.historyLimit);

  return {
    snapshot: {
      machine: snapshot.machine,
      path: path as (StateOf<M> | FinalPseudoState)[],
      enteredAt: entry.at,
      historyLimit: snapshot.historyLimit,
      history,
    },
    actions: steps.map((s) => s.action),
    steps,
    exited,
    entered,
    transition: taken,
  };
}
