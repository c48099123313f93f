import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.ts';

/**
 * Advisory-lock class for run ownership (two-key form, so it never meets the one-key schema lock).
 * Each process driving runs holds `(class, its key)` on a connection of its own for its lifetime;
 * when the process dies, Postgres drops the connection and the lock with it, which is how another
 * process tells an orphaned run from one that is still being worked on.
 */
export const RUN_OWNER_LOCK_CLASS = 0x52554e53;

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
      const { rows } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1, $2) as ok',
        [RUN_OWNER_LOCK_CLASS, key],
      );
      if (rows[0]!.ok) break;
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
          await client.query('select pg_advisory_unlock($1, $2)', [RUN_OWNER_LOCK_CLASS, key]);
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
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ owner_key: number }>(
      "select distinct owner_key from implementation_runs where status in ('queued', 'in_progress') and owner_key is not null and owner_key <> $1",
      [ownerKey],
    );
    const dead: number[] = [];
    for (const { owner_key } of rows) {
      const { rows: lock } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_xact_lock($1, $2) as ok',
        [RUN_OWNER_LOCK_CLASS, owner_key],
      );
      if (lock[0]!.ok) dead.push(owner_key);
    }
    if (!dead.length) return [];
    const claimed = await client.query<{ id: string }>(
      "update implementation_runs set owner_key = $1, updated_at = now() where status in ('queued', 'in_progress') and owner_key = any($2) returning id",
      [ownerKey, dead],
    );
    return claimed.rows.map((r) => r.id);
  });
}
