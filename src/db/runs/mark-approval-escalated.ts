import type { Queryable } from '../transaction.ts';

/** The run's unanswered approval request was escalated now. */
export async function markApprovalEscalated(db: Queryable, runId: string): Promise<void> {
  await db.query('update implementation_runs set escalated_at = now() where id = $1', [runId]);
}
