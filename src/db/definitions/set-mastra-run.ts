import type { Queryable } from './types.ts';

/** Record which Mastra run executes the run now (resumes go to it). */
export async function setMastraRun(db: Queryable, id: string, mastraRunId: string): Promise<void> {
  await db.query('update workflow_runs set mastra_run_id = $2 where id = $1', [id, mastraRunId]);
}
