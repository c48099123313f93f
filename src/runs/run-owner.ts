import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { claimRunsOfDeadOwners } from '../db/runs/claim-runs-of-dead-owners.ts';
import { releaseRunOwnerLock, tryRunOwnerLock } from '../db/runs/run-owner-lock.ts';
import { withTransaction } from '../db/transaction.ts';

/**
 * Each process driving runs holds an ownership lock (src/db/runs/run-owner-lock.ts) on a connection
 * of its own for its lifetime; when the process dies, Postgres drops the connection and the lock
 * with it, which is how another process tells an orphaned run from one that is still being worked on.
 */
export interface RunOwner {
  /** Recorded as `owner_key` on the runs this process drives. */
  readonly key: number;
  /** Unlock and return the connection. The process's runs become recoverable by others. */
  release(): Promise<void>;
}

export async function acquireRunOwner(
  pool: pg.Pool,
  onLost?: (error: Error) => void,
): Promise<RunOwner> {
  const client = await pool.connect();
  let key = 0;
  try {
    for (;;) {
      key = randomInt(1, 2 ** 31 - 1);
      if (await tryRunOwnerLock(client, key)) break;
    }
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  // A lost connection loses the lock: other processes may then recover this process's runs.
  const lost = (error: Error) => onLost?.(error);
  client.on('error', lost);
  let released: Promise<void> | undefined;
  return {
    key,
    release() {
      released ??= (async () => {
        client.off('error', lost);
        try {
          await releaseRunOwnerLock(client, key);
          client.release();
        } catch (error) {
          client.release(error as Error);
        }
      })();
      return released;
    },
  };
}

/**
 * Take over the unfinished runs of processes that are gone: a run is orphaned when its owner's lock
 * can be taken. Holding that lock (transaction-scoped) while claiming keeps two recovering processes
 * from claiming the same runs. Runs with no owner (started outside the run service) are left alone.
 */
export async function claimOrphanedRuns(pool: pg.Pool, ownerKey: number): Promise<string[]> {
  return withTransaction(pool, (client) => claimRunsOfDeadOwners(client, ownerKey));
}
