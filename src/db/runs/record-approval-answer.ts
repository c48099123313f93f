import type { Queryable } from '../transaction.ts';

/**
 * Store a human's answer, exactly once: only a run waiting for approval accepts it. A rejection ends
 * the run; an approval puts it back in progress. Returns false when the run was not waiting.
 */
export async function recordApprovalAnswer(
  db: Queryable,
  runId: string,
  answer: { approved: boolean; comment?: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update implementation_runs
     set approval_decision = $2, approval_comment = $3, approval_answered_at = now(), updated_at = now(),
         status = case when $2 = 'approved' then 'in_progress' else 'rejected' end,
         completed_at = case when $2 = 'approved' then null else now() end
     where id = $1 and status = 'awaiting_approval' and approval_decision is null`,
    [runId, answer.approved ? 'approved' : 'rejected', answer.comment ?? null],
  );
  return Boolean(rowCount);
}
