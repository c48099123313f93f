import type { Queryable, RunRow } from './types.ts';

/** A definition's runs, newest first. */
export async function listRuns(
  db: Queryable,
  definitionId: string,
  limit = 100,
): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>(
    'select * from workflow_runs where definition_id = $1 order by created_at desc limit $2',
    [definitionId, limit],
  );
  return rows;
}
