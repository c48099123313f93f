import type { Queryable } from './types.ts';

/** Extend this process's leases; returns the runs a cancel was asked for meanwhile. */
export async function renewLeases(
  db: Queryable,
  owner: string,
  ids: string[],
  leaseMs: number,
): Promise<{ id: string; cancel_requested: boolean }[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; cancel_requested: boolean }>(
    `update workflow_runs set lease_until = now() + $3 * interval '1 millisecond'
      where id = any($2) and lease_owner = $1 returning id, cancel_requested`,
    [owner, ids, leaseMs],
  );
  return rows;
}
