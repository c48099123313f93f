import type { Task } from 'graphile-worker';
import type pg from 'pg';
import { z } from 'zod';
import { withTransaction } from '../db/transaction.ts';
import { retryDelayMs } from './backoff.ts';
import type { Mailer } from './channels/email.ts';
import { postWebhook } from './channels/webhook.ts';
import { messageOf } from './message.ts';
import { recordAttempt } from '../db/notify/record-attempt.ts';
import { selectDelivery } from '../db/notify/select-delivery.ts';
import type { DeliveryRow } from '../db/notify/types.ts';

export { DELIVER_TASK } from '../db/notify/record-attempt.ts';

const payloadSchema = z.object({
  deliveryId: z.number().int().positive(),
  attempt: z.number().int().positive(),
  /** Where this round of attempts started: 1, or later after `POST /api/deliveries/:id/retry`. */
  roundStart: z.number().int().positive().default(1),
});

export interface DeliverDeps {
  readonly pool: pg.Pool;
  readonly mailer: Mailer;
  readonly webhookSecret: string | undefined;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly timeScale: number;
  readonly log?: { warn(message: string): void };
}

async function send(deps: DeliverDeps, d: DeliveryRow): Promise<void> {
  const message = messageOf(d);
  if (d.channel === 'email')
    return deps.mailer.send({ to: d.target, subject: message.title, text: message.text });
  return postWebhook(
    d.target,
    d.channel === 'slack' ? message.slack : message.json,
    deps.webhookSecret,
  );
}

/**
 * The job of one delivery attempt: send once, record the attempt, and on failure schedule the next
 * attempt after the backoff or dead-letter the delivery after its last one. A failed send is not a
 * failed job (the retry is our own job, scaled by TIME_SCALE); only a database error is, and Graphile
 * Worker then runs the same attempt again.
 */
export function deliverTask(deps: DeliverDeps): Task {
  return async (raw, helpers) => {
    const parsed = payloadSchema.safeParse(raw);
    if (!parsed.success) {
      helpers.logger.error(`notify: ignoring malformed delivery job ${JSON.stringify(raw)}`);
      return;
    }
    const { deliveryId, attempt, roundStart } = parsed.data;
    const d = await selectDelivery(deps.pool, deliveryId);
    // Delivered, dead, gone, or an attempt already recorded: nothing to do.
    if (!d || d.delivered_at || d.dead_at || d.attempts !== attempt - 1) return;
    const started = performance.now();
    let error: string | undefined;
    try {
      await send(deps, d);
    } catch (cause) {
      error = ((cause as Error).message || String(cause)).slice(0, 1000);
    }
    const durationMs = performance.now() - started;
    // Each round (the first, and each retry of a dead letter) has maxAttempts attempts.
    const inRound = attempt - roundStart + 1;
    const retryInMs =
      error !== undefined && inRound < deps.maxAttempts
        ? retryDelayMs(inRound, deps.retryBaseMs, deps.timeScale)
        : undefined;
    await withTransaction(deps.pool, (client) =>
      recordAttempt(client, { deliveryId, attempt, durationMs, error, retryInMs, roundStart }),
    );
    if (error !== undefined)
      deps.log?.warn(
        `notify: ${d.channel} delivery ${deliveryId} to ${d.target} failed (attempt ${attempt}/${roundStart - 1 + deps.maxAttempts}): ${error}${retryInMs === undefined ? '; dead-lettered' : `; retry in ${retryInMs} ms`}`,
      );
  };
}
