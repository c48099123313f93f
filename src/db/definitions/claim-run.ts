import type { Queryable, RunRow } from './types.ts';

/**
 * Take the lease of a run that has not ended: when it is ours already, free, or expired (its process
 * died). Returns the row when this process now drives the run.
 */
export async function claimRun(
  db: Queryable,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `update workflow_runs
        set lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond',
            status = case when status = 'queued' then 'running' else status end,
            started_at = coalesce(started_at, now())
      where id = $1 and status in ('queued', 'running', 'waiting', 'compensating')
        and (lease_owner is null or lease_owner = $2 or lease_until < now())
      returning *`,
    [id, owner, leaseMs],
  );
  return rows[0];
}
