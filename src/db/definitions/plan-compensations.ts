import type { Queryable } from './types.ts';

/**
 * Write a run's saga plan once: the compensations to run, in order. A second call (a survivor
 * taking the run over) keeps the first plan and its progress.
 */
export async function planCompensations(
  db: Queryable,
  runId: string,
  plan: { stepId: string; compensationId: string }[],
): Promise<void> {
  if (plan.length === 0) return;
  await db.query(
    `insert into workflow_compensations (run_id, position, step_id, compensation_id)
     select $1, p.position, p.step_id, p.compensation_id
       from jsonb_to_recordset($2) as p(position int, step_id text, compensation_id text)
     on conflict do nothing`,
    [
      runId,
      JSON.stringify(
        plan.map((p, position) => ({
          position,
          step_id: p.stepId,
          compensation_id: p.compensationId,
        })),
      ),
    ],
  );
}
