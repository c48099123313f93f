import type { Queryable } from '../transaction.ts';
import { RUN_OWNER_LOCK_CLASS } from './run-owner-lock.ts';

/**
 * Take over (for `ownerKey`) the unfinished runs of other owners whose lock can be taken: their
 * process is gone. Run it in a transaction: the owners' locks are held (transaction-scoped) while
 * claiming, which keeps two recovering processes from claiming the same runs. Runs with no owner
 * are left alone. Returns the ids claimed.
 */
export async function claimRunsOfDeadOwners(db: Queryable, ownerKey: number): Promise<string[]> {
  const { rows } = await db.query<{ owner_key: number }>(
    "select distinct owner_key from implementation_runs where status in ('queued', 'in_progress') and owner_key is not null and owner_key <> $1",
    [ownerKey],
  );
  const dead: number[] = [];
  for (const { owner_key } of rows) {
    const { rows: lock } = await db.query<{ ok: boolean }>(
      'select pg_try_advisory_xact_lock($1, $2) as ok',
      [RUN_OWNER_LOCK_CLASS, owner_key],
    );
    if (lock[0]!.ok) dead.push(owner_key);
  }
  if (!dead.length) return [];
  const claimed = await db.query<{ id: string }>(
    "update implementation_runs set owner_key = $1, updated_at = now() where status in ('queued', 'in_progress') and owner_key = any($2) returning id",
    [ownerKey, dead],
  );
  return claimed.rows.map((r) => r.id);
}
