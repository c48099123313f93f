/**
 * Machine snapshots: where a machine is (root-first state path) plus a bounded transition history.
 * Plain JSON data; `snapshotSchema` is the one schema for it.
 */
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { chainOf, entryPath, isComposite, isFinalState, stateConfig } from './hierarchy.ts';
import { FINAL } from './types.ts';
import type { AnyMachine, FinalPseudoState, StateOf } from './types.ts';

/** Default number of history entries kept (seed 002: "Configurable history retention (default: 1000)"). */
export const DEFAULT_HISTORY_LIMIT = 1000;

export const historyEntrySchema = z.object({
  /** Leaf state left. */
  from: z.string().min(1),
  event: z.string().min(1),
  /** Leaf state entered (or `[*]`). */
  to: z.string().min(1),
  /** When the transition happened, ISO 8601. */
  at: z.iso.datetime({ offset: true }),
  /** Time spent in `from`, ms. */
  durationMs: z.number().int().nonnegative(),
  /** The machine's context digest at the transition, if it defines one. */
  digest: z.string().optional(),
});

export const snapshotSchema = z.object({
  /** Id of the machine this snapshot belongs to. */
  machine: z.string().min(1),
  /** Current state, root first, down to a leaf: `['DIAGNOSE_BLOCKER', 'ANALYZE_STATE']`. */
  path: z.array(z.string().min(1)).min(1),
  /** When the current leaf was entered, ISO 8601. */
  enteredAt: z.iso.datetime({ offset: true }),
  /** Most entries kept in `history`; older ones are dropped first. */
  historyLimit: z.number().int().positive(),
  /** Oldest first. */
  history: z.array(historyEntrySchema),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A machine's snapshot; `S` narrows the state names of `path`. */
export type Snapshot<S extends string = string> = Omit<z.infer<typeof snapshotSchema>, 'path'> & {
  readonly path: readonly (S | FinalPseudoState)[];
};

export interface SnapshotOptions {
  /** History retention, default 1,000 entries. */
  readonly historyLimit?: number;
}

/** The snapshot of a machine that has just started: its initial state, descended to a leaf. */
export function initialSnapshot<M extends AnyMachine>(
  machine: M,
  now: Date = new Date(),
  options: SnapshotOptions = {},
): Snapshot<StateOf<M>> {
  return snapshotAt(machine, machine.initial as StateOf<M>, now, options);
}

/**
 * A fresh snapshot (empty history) placed in `state`, descended to its initial leaf. For restoring
 * a state stored elsewhere and for tests; normal code starts with `initialSnapshot`.
 */
export function snapshotAt<M extends AnyMachine>(
  machine: M,
  state: StateOf<M> | FinalPseudoState,
  now: Date = new Date(),
  options: SnapshotOptions = {},
): Snapshot<StateOf<M>> {
  if (state !== FINAL && !stateConfig(machine, state)) {
    throw new AppError('VALIDATION_ERROR', `Unknown state '${state}' in machine '${machine.id}'.`, {
      field: 'state',
    });
  }
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  if (!Number.isInteger(historyLimit) || historyLimit < 1) {
    throw new AppError(
      'VALIDATION_ERROR',
      `historyLimit must be a positive integer, got ${historyLimit}.`,
      { field: 'historyLimit' },
    );
  }
  return {
    machine: machine.id,
    path: entryPath(machine, state) as (StateOf<M> | FinalPseudoState)[],
    enteredAt: now.toISOString(),
    historyLimit,
    history: [],
  };
}

/** The current leaf state. */
export function currentState<S extends string>(snapshot: Snapshot<S>): S | FinalPseudoState {
  return snapshot.path[snapshot.path.length - 1]!;
}

/** True when the snapshot is in `state` or in one of its descendants. */
export function matches<S extends string>(
  snapshot: Snapshot<S>,
  state: S | FinalPseudoState,
): boolean {
  return snapshot.path.includes(state);
}

/** True when the machine has finished (final pseudo-state or a state declared final). */
export function isDone(machine: AnyMachine, snapshot: Snapshot): boolean {
  return isFinalState(machine, currentState(snapshot));
}

/** The last `n` history entries, oldest first. */
export function historyTail(snapshot: Snapshot, n: number): HistoryEntry[] {
  if (n <= 0) return [];
  return snapshot.history.slice(-n);
}

/** JSON text of a snapshot (store it as jsonb or text). */
export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

/**
 * Validates stored data (JSON text or a parsed object) as a snapshot of `machine`: schema, machine
 * id, known states and a path that is exactly a leaf's ancestor chain. Throws VALIDATION_ERROR.
 */
export function parseSnapshot<M extends AnyMachine>(
  machine: M,
  value: unknown,
): Snapshot<StateOf<M>> {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (cause) {
      throw new AppError('VALIDATION_ERROR', 'snapshot: not valid JSON', {
        field: 'snapshot',
        cause,
      });
    }
  }
  const snapshot = parseOrThrow(snapshotSchema, data, 'snapshot');
  if (snapshot.machine !== machine.id) {
    throw new AppError(
      'VALIDATION_ERROR',
      `snapshot.machine: expected '${machine.id}', got '${snapshot.machine}'`,
      {
        field: 'snapshot.machine',
      },
    );
  }
  const leaf = snapshot.path[snapshot.path.length - 1]!;
  const expected = leaf === FINAL ? [FINAL] : chainOf(machine, leaf);
  const known = leaf === FINAL || stateConfig(machine, leaf) !== undefined;
  if (!known || isComposite(machine, leaf) || expected.join('/') !== snapshot.path.join('/')) {
    throw new AppError(
      'VALIDATION_ERROR',
      `snapshot.path: '${snapshot.path.join(' > ')}' is not a state of '${machine.id}'`,
      {
        field: 'snapshot.path',
      },
    );
  }
  return snapshot as Snapshot<StateOf<M>>;
}
