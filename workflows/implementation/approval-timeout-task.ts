import type { Task } from 'graphile-worker';
import { appendRunEvent } from '../../src/db/runs/append-run-event.ts';
import { insertRunNotification } from '../../src/db/runs/insert-run-notification.ts';
import { lockApprovalWait } from '../../src/db/runs/lock-approval-wait.ts';
import { markApprovalEscalated } from '../../src/db/runs/mark-approval-escalated.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { approvalTimeoutPayloadSchema } from './approval-jobs.ts';

export { approvalTimeoutTaskName } from '../../src/db/runs/approval-timeout-job.ts';

/**
 * Fires when an approval request went unanswered for its timeout (seed 004: human task with
 * escalation). If the run still waits on the same request, it records the escalation once: an
 * `approval.escalated` event and a notification row for the escalation target. The run keeps waiting:
 * the target (or the original approver) can still answer. Anything else (answered, restarted,
 * already escalated) makes it a no-op, so a late or repeated job is harmless.
 */
export const approvalTimeoutTask: Task = async (rawPayload, helpers) => {
  const parsed = approvalTimeoutPayloadSchema.safeParse(rawPayload);
  if (!parsed.success) {
    // Retrying cannot fix a malformed payload.
    helpers.logger.error(
      `implementation approval timeout: ignoring malformed payload ${JSON.stringify(rawPayload)}`,
    );
    return;
  }
  const payload = parsed.data;
  const escalated = await helpers.withPgClient((client) =>
    inTransaction(client, async () => {
      const run = await lockApprovalWait(client, payload.runId);
      if (
        !run ||
        run.status !== 'awaiting_approval' ||
        run.attempt !== payload.attempt ||
        run.escalated_at
      ) {
        return undefined;
      }
      await markApprovalEscalated(client, payload.runId);
      await insertRunNotification(client, payload.runId, 'approval.escalated', payload.escalateTo, {
        waitedMs: run.waited_ms,
        message: `Approval of implementation run ${payload.runId} is overdue.`,
      });
      await appendRunEvent(client, payload.runId, {
        type: 'approval.escalated',
        data: { target: payload.escalateTo, waitedMs: run.waited_ms },
      });
      return run.waited_ms;
    }),
  );
  if (escalated !== undefined) {
    helpers.logger.warn(
      `implementation run ${payload.runId}: approval unanswered after ${escalated} ms, escalated to ${payload.escalateTo}`,
    );
  }
};
