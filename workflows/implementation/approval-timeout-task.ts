import type { Task } from 'graphile-worker';
import { approvalTimeoutPayloadSchema } from './approval-jobs.ts';
import { appendRunEvent } from './run-events.ts';
import { inTransaction } from '../../src/db/transaction.ts';

export { approvalTimeoutTaskName } from './approval-jobs.ts';

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
      const { rows } = await client.query<{
        status: string;
        attempt: number;
        escalated_at: Date | null;
        waited_ms: number;
      }>(
        `select status, attempt, escalated_at, (extract(epoch from now() - approval_requested_at) * 1000)::int as waited_ms
         from implementation_runs where id = $1 for update`,
        [payload.runId],
      );
      const run = rows[0];
      if (
        !run ||
        run.status !== 'awaiting_approval' ||
        run.attempt !== payload.attempt ||
        run.escalated_at
      ) {
        return undefined;
      }
      await client.query('update implementation_runs set escalated_at = now() where id = $1', [
        payload.runId,
      ]);
      await client.query(
        "insert into implementation_notifications (run_id, kind, recipient, payload) values ($1, 'approval.escalated', $2, $3)",
        [
          payload.runId,
          payload.escalateTo,
          JSON.stringify({
            waitedMs: run.waited_ms,
            message: `Approval of implementation run ${payload.runId} is overdue.`,
          }),
        ],
      );
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
