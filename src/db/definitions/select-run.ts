import type { Queryable, RunRow } from './types.ts';

/** One run. */
export async function selectRun(db: Queryable, id: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>('select * from workflow_runs where id = $1', [id]);
  return rows[0];
}
