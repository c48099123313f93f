import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { escalateFurther } from '../db/notify/escalate-further.ts';

/** Graphile Worker task scheduled per escalation level (migration 0005, `notify_schedule_ack_timeout`). */
export const ACK_TIMEOUT_TASK = 'mentorflow_escalation_ack_timeout';

const payloadSchema = z.object({
  escalationId: z.number().int().positive(),
  level: z.number().int().min(1),
});

/**
 * The acknowledgement timeout of an escalation fired: if it is still open at the same level it goes
 * one level up (new deliveries, a new timeout below the last level); acknowledged, resolved or
 * already escalated further makes this a no-op, so a late or repeated job is harmless.
 */
export const ackTimeoutTask: Task = async (raw, helpers) => {
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) {
    helpers.logger.error(`notify: ignoring malformed ack timeout job ${JSON.stringify(raw)}`);
    return;
  }
  const { escalationId, level } = parsed.data;
  const next = await helpers.withPgClient((client) => escalateFurther(client, escalationId, level));
  if (next)
    helpers.logger.warn(
      `escalation ${escalationId} not acknowledged in time: escalated to level ${next}`,
    );
};
