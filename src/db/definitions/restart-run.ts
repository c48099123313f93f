import type { Queryable, RunRow } from './types.ts';

/**
 * Make an ended (failed or cancelled) run runnable again: the next attempt, its failed, skipped and
 * cancelled step results dropped (completed ones are reused), leased to `owner`.
 */
export async function restartRun(
  db: Queryable,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `update workflow_runs
        set status = 'queued', attempt = attempt + 1, error = null, output = null, finished_at = null,
            cancel_requested = false, lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
      where id = $1 and status in ('failed', 'cancelled') returning *`,
    [id, owner, leaseMs],
  );
  if (rows[0])
    await db.query(
      `delete from workflow_step_results where run_id = $1 and status <> 'completed'`,
      [id],
    );
  return rows[0];
}
