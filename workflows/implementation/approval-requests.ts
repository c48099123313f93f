import type pg from 'pg';
import { scheduleApprovalTimeout } from './approval-jobs.ts';
import { withTransaction } from '../../src/db/transaction.ts';
import { appendRunEvent } from './run-events.ts';
import type { WorkflowDeps } from './workflow-deps.ts';

export interface ApprovalRequestDetails {
  planId: string;
  score: number;
}

/**
 * Record that the run waits for a human: status, an `approval.requested` event, a notification for the
 * approver and the durable escalation job, in one transaction. Called once Mastra has persisted the
 * suspended snapshot (the workflow's onFinish), so an answer can always resume the run.
 */
export async function recordApprovalRequest(
  pool: pg.Pool,
  deps: Pick<WorkflowDeps, 'approval'>,
  mastraRunId: string,
  details: ApprovalRequestDetails,
): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      attempt: number;
      timeout_at: Date;
      approvers: string | null;
      escalate_to: string | null;
    }>(
      `update implementation_runs
       set status = 'awaiting_approval', approval_requested_at = now(), escalated_at = null, updated_at = now()
       where mastra_run_id = $1 and status = 'in_progress' and approval_decision is null
       returning id, attempt, now() + make_interval(secs => $2::float8 / 1000) as timeout_at,
         input->>'approvers' as approvers, input->>'escalateTo' as escalate_to`,
      [mastraRunId, deps.approval.timeoutMs],
    );
    const run = rows[0];
    if (!run) return false;
    // The run's own approvers (its start body) before the configured defaults.
    const approver = run.approvers ?? deps.approval.approver;
    const escalateTo = run.escalate_to ?? deps.approval.escalateTo;
    const { timeoutMs } = deps.approval;
    await appendRunEvent(client, run.id, {
      type: 'approval.requested',
      data: {
        approver,
        escalateTo,
        timeoutAt: run.timeout_at.toISOString(),
        score: details.score,
        planId: details.planId,
      },
    });
    await client.query(
      "insert into implementation_notifications (run_id, kind, recipient, payload) values ($1, 'approval.requested', $2, $3)",
      [
        run.id,
        approver,
        JSON.stringify({
          planId: details.planId,
          score: details.score,
          timeoutAt: run.timeout_at.toISOString(),
          message: `Implementation run ${run.id} waits for your approval.`,
        }),
      ],
    );
    await scheduleApprovalTimeout(
      client,
      { runId: run.id, attempt: run.attempt, escalateTo },
      timeoutMs,
    );
    return true;
  });
}
