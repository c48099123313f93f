import { listCheckpoints } from '../../src/db/runs/list-checkpoints.ts';
import type { Checkpoint } from '../../src/db/runs/types.ts';
import type { Queryable } from '../../src/db/transaction.ts';
import type { Phase } from './schemas.ts';

export type { Checkpoint };

/** The run's checkpoint of `phase` (its step output typed as the step that stored it), if any. */
export async function loadCheckpoint<T>(
  db: Queryable,
  runId: string,
  phase: Phase,
): Promise<Checkpoint<T> | undefined> {
  const all = await listCheckpoints(db, runId);
  return all.find((c) => c.phase === phase) as Checkpoint<T> | undefined;
}
