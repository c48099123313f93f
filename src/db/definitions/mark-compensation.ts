import type { Queryable } from './types.ts';

/** Record a compensation's progress: running (a try begins), done, or failed after its last try. */
export async function markCompensation(
  db: Queryable,
  runId: string,
  position: number,
  status: 'running' | 'done' | 'failed',
  error?: string,
): Promise<void> {
  await db.query(
    `update workflow_compensations
        set status = $3, error = $4,
            tries = tries + case when $3 = 'running' then 1 else 0 end,
            started_at = coalesce(started_at, now()),
            finished_at = case when $3 = 'running' then null else now() end
      where run_id = $1 and position = $2 and status <> 'done'`,
    [runId, position, status, error ?? null],
  );
}
