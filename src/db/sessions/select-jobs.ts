import type { Queryable } from '../transaction.ts';
import type { JobRow } from './types.ts';

/** Graphile Worker jobs of task `task` whose key matches the LIKE pattern `keyLike`, soonest first. */
export async function selectJobs(db: Queryable, task: string, keyLike: string): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select key, run_at, attempts, locked_by from graphile_worker.jobs
     where task_identifier = $1 and key like $2 order by run_at`,
    [task, keyLike],
  );
  return rows;
}
