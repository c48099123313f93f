/**
 * Static checks of a machine definition. `checkMachine` returns every problem found; an empty list
 * means the machine is well formed.
 */
import {
  chainOf,
  childrenOf,
  entryPath,
  isComposite,
  isFinalState,
  leafStates,
  stateConfig,
} from './hierarchy.ts';
import { FINAL } from './types.ts';
import type { AnyMachine } from './types.ts';

export type MachineProblemKind =
  | 'unknownState'
  | 'unknownTarget'
  | 'unknownEvent'
  | 'unknownGuard'
  | 'badHierarchy'
  | 'transitionFromFinal'
  | 'duplicateTransition'
  | 'unreachable'
  | 'noPathToFinal'
  | 'deadEnd';

export interface MachineProblem {
  readonly kind: MachineProblemKind;
  readonly message: string;
  readonly state?: string;
  readonly event?: string;
}

/** Every edge a leaf state has (own, inherited from ancestors, any-state), and whether it is any-state. */
function effectiveEdges(machine: AnyMachine, leaf: string): { to: string; anyState: boolean }[] {
  if (isFinalState(machine, leaf)) return [];
  const chain = chainOf(machine, leaf);
  const edges = machine.transitions
    .filter((t) => chain.includes(t.from))
    .map((t) => ({ to: t.to as string, anyState: false }));
  for (const t of machine.anyState ?? []) {
    if (!t.except?.some((s) => chain.includes(s))) edges.push({ to: t.to, anyState: true });
  }
  return edges;
}

function leafOf(machine: AnyMachine, state: string): string {
  const path = entryPath(machine, state);
  return path[path.length - 1]!;
}

/**
 * Checks: known names everywhere (states, targets, events, guards, parents), a sound hierarchy
 * (composites have an initial child, no cycles), no edges out of final states, no duplicate
 * `(from, event)` pairs that guards do not tell apart, every state reachable from the initial state,
 * every non-final state able to reach a final state, and no dead ends (a non-final state whose only
 * exits are any-state edges such as cancel).
 */
export function checkMachine(machine: AnyMachine): MachineProblem[] {
  const problems: MachineProblem[] = [];
  const has = (s: string) => stateConfig(machine, s) !== undefined;
  const hasEvent = (e: string) => Object.hasOwn(machine.events, e);
  const hasGuard = (g: string) =>
    typeof (machine.guards as Record<string, unknown>)[g] === 'function';

  if (!has(machine.initial))
    problems.push({
      kind: 'unknownState',
      state: machine.initial,
      message: `initial state '${machine.initial}' is not declared`,
    });
  for (const [name, config] of Object.entries(machine.states)) {
    if (name === FINAL)
      problems.push({
        kind: 'badHierarchy',
        state: name,
        message: `'${FINAL}' is reserved for the final pseudo-state`,
      });
    if (config.parent !== undefined && !has(config.parent)) {
      problems.push({
        kind: 'unknownState',
        state: name,
        message: `state '${name}' has unknown parent '${config.parent}'`,
      });
    }
    // chainOf stops at a repeated state, so a known top whose parent is set means the chain looped.
    const top = chainOf(machine, name)[0];
    if (top !== undefined && stateConfig(machine, top)?.parent !== undefined) {
      problems.push({
        kind: 'badHierarchy',
        state: name,
        message: `state '${name}' is in a parent cycle`,
      });
    }
    const children = childrenOf(machine, name);
    if (
      children.length > 0 &&
      (config.initial === undefined || !children.includes(config.initial))
    ) {
      problems.push({
        kind: 'badHierarchy',
        state: name,
        message: `composite state '${name}' needs an initial child among ${children.join(', ')}`,
      });
    }
    if (children.length === 0 && config.initial !== undefined) {
      problems.push({
        kind: 'badHierarchy',
        state: name,
        message: `state '${name}' names initial child '${config.initial}' but has no children`,
      });
    }
    if (config.final && children.length > 0)
      problems.push({
        kind: 'badHierarchy',
        state: name,
        message: `final state '${name}' cannot have children`,
      });
  }

  const seen = new Map<string, (string | undefined)[]>();
  const checkEdge = (from: string, event: string, to: string, guard: string | undefined) => {
    if (!hasEvent(event))
      problems.push({
        kind: 'unknownEvent',
        state: from,
        event,
        message: `${from} --${event}--> ${to}: unknown event '${event}'`,
      });
    if (to !== FINAL && !has(to))
      problems.push({
        kind: 'unknownTarget',
        state: from,
        event,
        message: `${from} --${event}--> ${to}: unknown target '${to}'`,
      });
    if (guard !== undefined && !hasGuard(guard))
      problems.push({
        kind: 'unknownGuard',
        state: from,
        event,
        message: `${from} --${event}--> ${to}: unknown guard '${guard}'`,
      });
    const key = `${from}\u0000${event}`;
    const guards = seen.get(key) ?? [];
    if (guards.includes(guard)) {
      problems.push({
        kind: 'duplicateTransition',
        state: from,
        event,
        message: `${from} --${event}-->: more than one edge ${guard ? `with guard '${guard}'` : 'without a guard'}`,
      });
    }
    seen.set(key, [...guards, guard]);
  };
  for (const t of machine.transitions) {
    if (!has(t.from))
      problems.push({
        kind: 'unknownState',
        state: t.from,
        event: t.event,
        message: `${t.from} --${t.event}--> ${t.to}: unknown source '${t.from}'`,
      });
    else if (isFinalState(machine, t.from))
      problems.push({
        kind: 'transitionFromFinal',
        state: t.from,
        event: t.event,
        message: `final state '${t.from}' has an outgoing edge on '${t.event}'`,
      });
    checkEdge(t.from, t.event, t.to, t.guard);
  }
  for (const t of machine.anyState ?? []) {
    for (const s of t.except ?? [])
      if (!has(s))
        problems.push({
          kind: 'unknownState',
          state: s,
          event: t.event,
          message: `any-state edge on '${t.event}' excepts unknown state '${s}'`,
        });
    checkEdge('*', t.event, t.to, t.guard);
  }
  // Structural problems make the graph checks below meaningless (unknown names, cycles).
  if (problems.length > 0) return problems;

  const leaves = leafStates(machine);
  const next = new Map(leaves.map((leaf) => [leaf, effectiveEdges(machine, leaf)]));

  // Reachability over leaves; a composite is reached when any of its descendants is.
  const reached = new Set<string>();
  const queue = [leafOf(machine, machine.initial)];
  while (queue.length) {
    const leaf = queue.pop()!;
    if (reached.has(leaf)) continue;
    reached.add(leaf);
    for (const edge of next.get(leaf) ?? [])
      if (edge.to !== FINAL) queue.push(leafOf(machine, edge.to));
  }
  const reachedAll = new Set([...reached].flatMap((leaf) => chainOf(machine, leaf)));
  for (const state of Object.keys(machine.states)) {
    if (!reachedAll.has(state))
      problems.push({
        kind: 'unreachable',
        state,
        message: `state '${state}' is unreachable from '${machine.initial}'`,
      });
  }

  // Backwards from the final states: which leaves can finish.
  const canFinish = new Set(leaves.filter((leaf) => isFinalState(machine, leaf)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const leaf of leaves) {
      if (canFinish.has(leaf)) continue;
      if (
        (next.get(leaf) ?? []).some((e) => e.to === FINAL || canFinish.has(leafOf(machine, e.to)))
      ) {
        canFinish.add(leaf);
        changed = true;
      }
    }
  }
  for (const leaf of leaves) {
    if (!canFinish.has(leaf))
      problems.push({
        kind: 'noPathToFinal',
        state: leaf,
        message: `state '${leaf}' has no path to a final state`,
      });
    if (
      !isFinalState(machine, leaf) &&
      !(next.get(leaf) ?? []).some((e) => !e.anyState && leafOf(machine, e.to) !== leaf)
    ) {
      problems.push({
        kind: 'deadEnd',
        state: leaf,
        message: `state '${leaf}' has no way out except any-state edges`,
      });
    }
  }
  if (!isComposite(machine, machine.initial) && isFinalState(machine, machine.initial)) {
    problems.push({
      kind: 'badHierarchy',
      state: machine.initial,
      message: `initial state '${machine.initial}' is final`,
    });
  }
  return problems;
}
