import type { Queryable } from './types.ts';

/** Record that a step (or a try of it) started. A completed result is never overwritten. */
export async function startStep(
  db: Queryable,
  runId: string,
  stepId: string,
  kind: string,
  status: 'running' | 'waiting' = 'running',
): Promise<void> {
  await db.query(
    `insert into workflow_step_results (run_id, step_id, kind, status) values ($1, $2, $3, $4)
     on conflict (run_id, step_id) do update set status = excluded.status, started_at =
       case when workflow_step_results.status = 'waiting' then workflow_step_results.started_at else now() end,
       error = null, error_class = null
     where workflow_step_results.status <> 'completed'`,
    [runId, stepId, kind, status],
  );
}
