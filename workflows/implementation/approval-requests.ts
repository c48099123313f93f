import type pg from 'pg';
import { appendRunEvent } from '../../src/db/runs/append-run-event.ts';
import { scheduleApprovalTimeout } from '../../src/db/runs/approval-timeout-job.ts';
import { insertRunNotification } from '../../src/db/runs/insert-run-notification.ts';
import { markAwaitingApproval } from '../../src/db/runs/mark-awaiting-approval.ts';
import { withTransaction } from '../../src/db/transaction.ts';
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
    const run = await markAwaitingApproval(client, mastraRunId, deps.approval.timeoutMs);
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
    await insertRunNotification(client, run.id, 'approval.requested', approver, {
      planId: details.planId,
      score: details.score,
      timeoutAt: run.timeout_at.toISOString(),
      message: `Implementation run ${run.id} waits for your approval.`,
    });
    await scheduleApprovalTimeout(
      client,
      { runId: run.id, attempt: run.attempt, escalateTo },
      timeoutMs,
    );
    return true;
  });
}
