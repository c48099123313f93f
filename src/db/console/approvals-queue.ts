import type { Queryable } from '../transaction.ts';

export interface PendingApproval {
  id: string;
  request: string;
  requirements: string[];
  score: number | null;
  approver: string | null;
  requestedAt: string;
  timeoutAt: string | null;
  overdue: boolean;
  escalatedAt: string | null;
}

/**
 * Runs waiting at the human approval gate, oldest request first, with the reviewed plan's score and
 * when the request times out (from its `approval.requested` notification). Overdue: past that time.
 */
export async function approvalsQueue(db: Queryable): Promise<PendingApproval[]> {
  const { rows } = await db.query<PendingApproval>(
    `select r.id, r.input->>'request' as request,
            coalesce(array(select jsonb_array_elements_text(r.input->'requirements')), '{}') as requirements,
            (n.payload->>'score')::float8 as score, n.recipient as approver,
            r.approval_requested_at as "requestedAt", (n.payload->>'timeoutAt')::timestamptz as "timeoutAt",
            coalesce((n.payload->>'timeoutAt')::timestamptz < now(), false) or r.escalated_at is not null as overdue,
            r.escalated_at as "escalatedAt"
       from implementation_runs r
       left join lateral (
         select payload, recipient from implementation_notifications
          where run_id = r.id and kind = 'approval.requested' order by id desc limit 1) n on true
      where r.status = 'awaiting_approval'
      order by r.approval_requested_at`,
  );
  return rows;
}
