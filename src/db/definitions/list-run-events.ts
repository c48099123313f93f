import type { Queryable, RunEventRow } from './types.ts';

/** A run's events after `after` (a seq), oldest first. */
export async function listRunEvents(
  db: Queryable,
  runId: string,
  after = 0,
): Promise<RunEventRow[]> {
  const { rows } = await db.query<RunEventRow>(
    'select * from workflow_run_events where run_id = $1 and seq > $2 order by seq limit 1000',
    [runId, after],
  );
  return rows;
}
