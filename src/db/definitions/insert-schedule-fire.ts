import type { Queryable } from './types.ts';

/**
 * Claim one fire of a schedule: the primary key (schedule_id, fire_at) lets exactly one process,
 * of however many tick at once, insert it. True for that one.
 */
export async function insertScheduleFire(
  db: Queryable,
  scheduleId: string,
  fireAt: Date,
  runId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into workflow_schedule_fires (schedule_id, fire_at, run_id) values ($1, $2, $3)
     on conflict do nothing`,
    [scheduleId, fireAt, runId],
  );
  return rowCount === 1;
}
