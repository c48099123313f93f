import type { Queryable } from './types.ts';

/** Waits whose timeout has passed. */
export async function listDueEventWaits(
  db: Queryable,
): Promise<{ run_id: string; step_id: string }[]> {
  const { rows } = await db.query<{ run_id: string; step_id: string }>(
    `select run_id, step_id from workflow_event_waits where status = 'waiting' and due_at <= now()`,
  );
  return rows;
}
