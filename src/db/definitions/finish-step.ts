import type { Queryable, StepStatus } from './types.ts';

/**
 * Record a step's end: completed (numbered in completion order, for the saga), failed (with its
 * error class), skipped or cancelled. A completed result is final.
 */
export async function finishStep(
  db: Queryable,
  runId: string,
  stepId: string,
  result: {
    kind: string;
    status: Exclude<StepStatus, 'running' | 'waiting'>;
    output?: unknown;
    error?: string;
    errorClass?: string;
    tries: number;
  },
): Promise<void> {
  await db.query(
    `insert into workflow_step_results
       (run_id, step_id, kind, status, output, error, error_class, tries, finished_at, duration_ms, completed_seq)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now(), 0,
             case when $4 = 'completed' then nextval('workflow_step_completion_seq') end)
     on conflict (run_id, step_id) do update set
       status = excluded.status, output = excluded.output, error = excluded.error,
       error_class = excluded.error_class, tries = excluded.tries, finished_at = now(),
       duration_ms = (extract(epoch from now() - workflow_step_results.started_at) * 1000)::int,
       completed_seq = excluded.completed_seq
     where workflow_step_results.status <> 'completed'`,
    [
      runId,
      stepId,
      result.kind,
      result.status,
      result.output === undefined ? null : JSON.stringify(result.output),
      result.error === undefined ? null : JSON.stringify({ message: result.error }),
      result.errorClass ?? null,
      result.tries,
    ],
  );
}
