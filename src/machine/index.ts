/**
 * The pure state-machine engine: typed definitions, transitions with hierarchy and guards,
 * snapshots with bounded history, static checks, mermaid export and parsing. No I/O.
 */
export { FINAL, defineMachine } from './types.ts';
export type {
  AnyMachine,
  AnyStateTransitionConfig,
  ContextOf,
  EventOf,
  FinalPseudoState,
  Guard,
  GuardOf,
  MachineDefinition,
  StateConfig,
  StateOf,
  TransitionConfig,
} from './types.ts';
export { GuardRejectedError, InvalidTransitionError } from './errors.ts';
export { allowedEvents, can, isEvent, transition } from './transition.ts';
export type { ActionStep, ResolvedTransition, TransitionResult } from './transition.ts';
export {
  DEFAULT_HISTORY_LIMIT,
  currentState,
  historyEntrySchema,
  historyTail,
  initialSnapshot,
  isDone,
  matches,
  parseSnapshot,
  serializeSnapshot,
  snapshotAt,
  snapshotSchema,
} from './snapshot.ts';
export type { HistoryEntry, Snapshot, SnapshotOptions } from './snapshot.ts';
export { checkMachine } from './check.ts';
export type { MachineProblem, MachineProblemKind } from './check.ts';
export { diagramOf, diffEdges, edgeKey } from './diagram.ts';
export type { AnyStateEdge, Diagram, Edge, EdgeDiff } from './diagram.ts';
export { extractMermaidBlocks, parseMermaid, toMermaid } from './mermaid.ts';
export {
  chainOf,
  childrenOf,
  entryPath,
  isComposite,
  isFinalState,
  leafStates,
} from './hierarchy.ts';
