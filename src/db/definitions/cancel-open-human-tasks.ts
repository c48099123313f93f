import type { Queryable } from './types.ts';

/** Cancel the run's human tasks still waiting for an answer (the run itself was cancelled). */
export async function cancelOpenHumanTasks(db: Queryable, runId: string): Promise<void> {
  await db.query(
    `update workflow_human_tasks set status = 'cancelled' where run_id = $1 and status = 'open'`,
    [runId],
  );
}
