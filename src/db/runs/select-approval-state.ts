import type { Queryable } from '../transaction.ts';
import type { ApprovalState } from './types.ts';

/** The run's approval decision and comment, and how long the answer took (nulls until answered). */
export async function approvalState(db: Queryable, runId: string): Promise<ApprovalState> {
  const { rows } = await db.query<{
    approval_decision: ApprovalState['decision'];
    approval_comment: string | null;
    waited_ms: number | null;
  }>(
    `select approval_decision, approval_comment,
            (extract(epoch from approval_answered_at - approval_requested_at) * 1000)::int as waited_ms
     from implementation_runs where id = $1`,
    [runId],
  );
  const row = rows[0];
  return {
    decision: row?.approval_decision ?? null,
    comment: row?.approval_comment ?? null,
    waitedMs: row?.waited_ms ?? null,
  };
}
