import { z } from 'zod';
import type { Queryable } from '../../src/db/transaction.ts';

/** Graphile Worker task that escalates an unanswered approval request. */
export const approvalTimeoutTaskName = 'implementation-approval-timeout';

/** One pending timeout per run: a new request replaces it, an answer removes it. */
export function approvalJobKey(runId: string): string {
  return `run:${runId}:approval`;
}

export const approvalTimeoutPayloadSchema = z.object({
  runId: z.string().min(1),
  /** The attempt that asked; a later attempt's request has its own job. */
  attempt: z.number().int().min(1),
  escalateTo: z.string().min(1),
});
export type ApprovalTimeoutPayload = z.infer<typeof approvalTimeoutPayloadSchema>;

/**
 * Schedule the escalation in the caller's transaction, so that the request and its timeout are
 * recorded together or not at all.
 */
export async function scheduleApprovalTimeout(
  db: Queryable,
  payload: ApprovalTimeoutPayload,
  delayMs: number,
): Promise<void> {
  await db.query(
    'select graphile_worker.add_job($1, $2::json, run_at => now() + make_interval(secs => $3::float8 / 1000), job_key => $4, max_attempts => 5)',
    [approvalTimeoutTaskName, JSON.stringify(payload), delayMs, approvalJobKey(payload.runId)],
  );
}

export async function cancelApprovalTimeout(db: Queryable, runId: string): Promise<void> {
  await db.query('select graphile_worker.remove_job($1)', [approvalJobKey(runId)]);
}
