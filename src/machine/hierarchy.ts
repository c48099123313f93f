/**
 * Hierarchy helpers over a definition's flat state map (children name their parent).
 */
import { FINAL } from './types.ts';
import type { AnyMachine, FinalPseudoState, StateConfig } from './types.ts';

/** The state's config, or undefined for an unknown name (and for the final pseudo-state). */
export function stateConfig(machine: AnyMachine, state: string): StateConfig | undefined {
  return Object.hasOwn(machine.states, state) ? machine.states[state] : undefined;
}

/** Root-first chain of a state and its ancestors, e.g. `['MONITOR_PROGRESS', 'DETECT_PATTERN']`. */
export function chainOf(machine: AnyMachine, state: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let s: string | undefined = state; s !== undefined; s = stateConfig(machine, s)?.parent) {
    // A parent cycle is a definition error reported by checkMachine; stop rather than loop forever.
    if (seen.has(s)) break;
    seen.add(s);
    chain.unshift(s);
  }
  return chain;
}

/** Direct children of a state, in declaration order. */
export function childrenOf(machine: AnyMachine, state: string): string[] {
  return Object.keys(machine.states).filter((s) => machine.states[s]?.parent === state);
}

/** True when the state has children (is a composite state). */
export function isComposite(machine: AnyMachine, state: string): boolean {
  return childrenOf(machine, state).length > 0;
}

/**
 * The full path entered when `state` is the target: its ancestors, itself, then initial children
 * down to a leaf. The final pseudo-state's path is `['[*]']`.
 */
export function entryPath(machine: AnyMachine, state: string): string[] {
  if (state === FINAL) return [FINAL];
  const path = chainOf(machine, state);
  const seen = new Set(path);
  for (let initial = stateConfig(machine, state)?.initial; initial !== undefined; ) {
    if (seen.has(initial)) break;
    seen.add(initial);
    path.push(initial);
    initial = stateConfig(machine, initial)?.initial;
  }
  return path;
}

/** True when the state (a path's leaf) is final: the pseudo-state or a state declared `final`. */
export function isFinalState(machine: AnyMachine, state: string | FinalPseudoState): boolean {
  return state === FINAL || stateConfig(machine, state)?.final === true;
}

/** Leaf states (no children), in declaration order. */
export function leafStates(machine: AnyMachine): string[] {
  return Object.keys(machine.states).filter((s) => !isComposite(machine, s));
}
