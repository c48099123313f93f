import type { Queryable } from '../transaction.ts';

/** The run that now waits for approval, with when its request times out and whom its input names. */
export interface AwaitingApprovalRow {
  id: string;
  attempt: number;
  timeout_at: Date;
  approvers: string | null;
  escalate_to: string | null;
}

/**
 * The run of Mastra run `mastraRunId` waits for a human (only from in progress, never answered);
 * the request times out in `timeoutMs`. Undefined when the run was not in that state.
 */
export async function markAwaitingApproval(
  db: Queryable,
  mastraRunId: string,
  timeoutMs: number,
): Promise<AwaitingApprovalRow | undefined> {
  const { rows } = await db.query<AwaitingApprovalRow>(
    `update implementation_runs
       set status = 'awaiting_approval', approval_requested_at = now(), escalated_at = null, updated_at = now()
       where mastra_run_id = $1 and status = 'in_progress' and approval_decision is null
       returning id, attempt, now() + make_interval(secs => $2::float8 / 1000) as timeout_at,
         input->>'approvers' as approvers, input->>'escalateTo' as escalate_to`,
    [mastraRunId, timeoutMs],
  );
  return rows[0];
}
