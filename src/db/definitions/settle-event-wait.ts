import type { Queryable } from './types.ts';

/** End a wait (matched with the payload, or timed out); false when it had ended already. */
export async function settleEventWait(
  db: Queryable,
  runId: string,
  stepId: string,
  status: 'matched' | 'timed_out',
  payload?: unknown,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update workflow_event_waits set status = $3, payload = $4
      where run_id = $1 and step_id = $2 and status = 'waiting'`,
    [runId, stepId, status, payload === undefined ? null : JSON.stringify(payload)],
  );
  return rowCount === 1;
}
