import type { Queryable } from './types.ts';

/** Runs being driven whose lease expired: their process died; a live one takes them over. */
export async function listOrphanedRuns(db: Queryable, limit = 20): Promise<{ id: string }[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from workflow_runs
      where status in ('queued', 'running', 'compensating') and lease_until < now()
      order by lease_until limit $1`,
    [limit],
  );
  return rows;
}
