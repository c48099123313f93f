import type { Queryable, StepResultRow } from './types.ts';

/** Every step result of a run, in the order the steps started. */
export async function selectStepResults(db: Queryable, runId: string): Promise<StepResultRow[]> {
  const { rows } = await db.query<StepResultRow>(
    'select * from workflow_step_results where run_id = $1 order by started_at, step_id',
    [runId],
  );
  return rows;
}
