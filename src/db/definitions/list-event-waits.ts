import type { Queryable } from './types.ts';

/** The runs waiting for `event`. */
export async function listEventWaits(
  db: Queryable,
  event: string,
): Promise<{ run_id: string; step_id: string }[]> {
  const { rows } = await db.query<{ run_id: string; step_id: string }>(
    `select run_id, step_id from workflow_event_waits where event = $1 and status = 'waiting'
      order by created_at`,
    [event],
  );
  return rows;
}
