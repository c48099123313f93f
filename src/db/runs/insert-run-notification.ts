import type { Queryable } from '../transaction.ts';

/**
 * A notification of a run for `recipient` (delivered by the notify triggers): the approval request
 * to the approver, or its escalation to the escalation target.
 */
export async function insertRunNotification(
  db: Queryable,
  runId: string,
  kind: 'approval.requested' | 'approval.escalated',
  recipient: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await db.query(
    'insert into implementation_notifications (run_id, kind, recipient, payload) values ($1, $2, $3, $4)',
    [runId, kind, recipient, JSON.stringify(payload)],
  );
}
