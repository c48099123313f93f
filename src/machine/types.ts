/**
 * Typed, data-only state machine definitions. A machine is declared once as a plain object (see
 * `src/domain/machines/`); the pure engine in this folder interprets it. Names are literal unions
 * inferred from the object's keys, so a typo in a transition's `from`, `to`, `event` or `guard` is a
 * compile error.
 */

/** The final pseudo-state, spelled as in mermaid: a transition to it ends the machine. */
export const FINAL = '[*]';
export type FinalPseudoState = typeof FINAL;

/** One state. Hierarchy is declared bottom-up: a child names its `parent`; a parent names its `initial` child. */
export interface StateConfig<S extends string = string> {
  /** What the state means, for docs and agents. */
  readonly description: string;
  /** Parent state: transitions declared on the parent apply to this state too (events bubble up). */
  readonly parent?: S;
  /** For a parent state: the child entered when the parent is entered. */
  readonly initial?: S;
  /** A final state accepts no events. */
  readonly final?: boolean;
  /** Action names returned when the state is entered (after the transition's own actions). */
  readonly entry?: readonly string[];
  /** Action names returned when the state is left (before the transition's own actions). */
  readonly exit?: readonly string[];
}

/** One edge: in `from` (or any of its descendants), `event` leads to `to` when `guard` (if any) holds. */
export interface TransitionConfig<
  S extends string = string,
  E extends string = string,
  G extends string = string,
> {
  readonly from: S;
  readonly event: E;
  readonly to: S | FinalPseudoState;
  /** Name of a guard in the machine's `guards` map. */
  readonly guard?: G;
  /** Action names returned between the exit and entry actions. */
  readonly actions?: readonly string[];
  /** Set when the edge is not in the seed document: the one-line reason it was added. */
  readonly addition?: string;
}

/**
 * An edge that applies in every non-final state (except those listed), after the state's own
 * transitions and its ancestors' have been tried: the root of the hierarchy.
 */
export interface AnyStateTransitionConfig<
  S extends string = string,
  E extends string = string,
  G extends string = string,
> {
  readonly event: E;
  readonly to: S | FinalPseudoState;
  readonly guard?: G;
  readonly actions?: readonly string[];
  /** States (and their descendants) where this edge does not apply. */
  readonly except?: readonly S[];
  readonly addition?: string;
}

/** A guard: a pure predicate over the machine's context and the event's data. */
export type Guard<C> = (context: C, eventData: unknown) => boolean;

/**
 * A machine definition. `S` state names, `E` event names, `C` the context guards read, `G` guard names.
 */
export interface MachineDefinition<
  S extends string = string,
  E extends string = string,
  C = unknown,
  G extends string = string,
> {
  /** Stable id, stored in snapshots. */
  readonly id: string;
  readonly description: string;
  readonly initial: S;
  readonly states: { readonly [K in S]: StateConfig<S> };
  /** The typed event map: every event name and what it means. */
  readonly events: { readonly [K in E]: string };
  readonly transitions: readonly TransitionConfig<S, E, G>[];
  readonly anyState?: readonly AnyStateTransitionConfig<S, E, G>[];
  readonly guards: { readonly [K in G]: Guard<C> };
  /** Optional short digest of the context recorded in each history entry (no secrets, no big blobs). */
  readonly digest?: (context: C) => string;
}

/** Any machine, for code that does not care about its names. */
// `any` context: guards take the context as a parameter (contravariant), so no concrete C is assignable to `unknown`.
export type AnyMachine = MachineDefinition<string, string, any, string>;

export type StateOf<M> =
  M extends MachineDefinition<infer S, string, infer _C, infer _G> ? S : never;
export type EventOf<M> =
  M extends MachineDefinition<infer _S, infer E, infer _C, infer _G> ? E : never;
export type ContextOf<M> =
  M extends MachineDefinition<infer _S, infer _E, infer C, infer _G> ? C : never;
export type GuardOf<M> =
  M extends MachineDefinition<infer _S, infer _E, infer _C, infer G> ? G : never;

/**
 * Declares a machine with its names inferred from the keys of `states`, `events` and `guards`;
 * everywhere else a name must be one of those (checked at compile time, and again by `checkMachine`).
 */
export function defineMachine<
  const S extends string,
  const E extends string,
  C,
  const G extends string = never,
>(definition: {
  readonly id: string;
  readonly description: string;
  readonly initial: NoInfer<S>;
  readonly states: { readonly [K in S]: StateConfig<NoInfer<S>> };
  readonly events: { readonly [K in E]: string };
  readonly transitions: readonly TransitionConfig<NoInfer<S>, NoInfer<E>, NoInfer<G>>[];
  readonly anyState?: readonly AnyStateTransitionConfig<NoInfer<S>, NoInfer<E>, NoInfer<G>>[];
  readonly guards: { readonly [K in G]: Guard<C> };
  readonly digest?: (context: C) => string;
}): MachineDefinition<S, E, C, G> {
  return definition;
}
