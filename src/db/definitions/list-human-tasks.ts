import type { HumanTaskRow, Queryable } from './types.ts';

/** Human tasks, optionally of one run or one status, oldest first. */
export async function listHumanTasks(
  db: Queryable,
  filter: { runId?: string; status?: string } = {},
): Promise<HumanTaskRow[]> {
  const { rows } = await db.query<HumanTaskRow>(
    `select * from workflow_human_tasks
      where ($1::text is null or run_id = $1) and ($2::text is null or status = $2)
      order by created_at, id limit 500`,
    [filter.runId ?? null, filter.status ?? null],
  );
  return rows;
}
