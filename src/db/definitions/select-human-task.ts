import type { HumanTaskRow, Queryable } from './types.ts';

/** One human task. */
export async function selectHumanTask(
  db: Queryable,
  id: string,
): Promise<HumanTaskRow | undefined> {
  const { rows } = await db.query<HumanTaskRow>(
    'select * from workflow_human_tasks where id = $1',
    [id],
  );
  return rows[0];
}
