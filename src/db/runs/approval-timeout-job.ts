import type { Queryable } from '../transaction.ts';

/** Graphile Worker task that escalates an unanswered approval request. */
export const approvalTimeoutTaskName = 'implementation-approval-timeout';

/** One pending timeout per run: a new request replaces it, an answer removes it. */
export function approvalJobKey(runId: string): string {
  return `run:${runId}:approval`;
}

/**
 * Schedule the escalation in the caller's transaction, so that the request and its timeout are
 * recorded together or not at all. `payload` is the task's (the attempt that asked, whom to tell).
 */
export async function scheduleApprovalTimeout(
  db: Queryable,
  payload: { readonly runId: string; readonly attempt: number; readonly escalateTo: string },
  delayMs: number,
): Promise<void> {
  await db.query(
    'select graphile_worker.add_job($1, $2::json, run_at => now() + make_interval(secs => $3::float8 / 1000), job_key => $4, max_attempts => 5)',
    [approvalTimeoutTaskName, JSON.stringify(payload), delayMs, approvalJobKey(payload.runId)],
  );
}

/** Remove the run's pending approval timeout (answered, or the gate is to run again). */
export async function cancelApprovalTimeout(db: Queryable, runId: string): Promise<void> {
  await db.query('select graphile_worker.remove_job($1)', [approvalJobKey(runId)]);
}
