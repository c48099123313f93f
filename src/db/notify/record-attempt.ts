import type { Queryable } from '../transaction.ts';

/** Graphile Worker task that makes one delivery attempt (the next one is scheduled here). */
export const DELIVER_TASK = 'mentorflow_notify_deliver';

/** How one delivery attempt went. */
export interface AttemptResult {
  readonly deliveryId: number;
  readonly attempt: number;
  readonly durationMs: number;
  /** Why it failed; undefined when delivered. */
  readonly error?: string;
  /** When failed: wait this long before the next attempt; undefined → dead-lettered. */
  readonly retryInMs?: number;
  /** The first attempt of this round (1, or the attempt a retry of a dead letter started at). */
  readonly roundStart?: number;
}

/**
 * Records one attempt in the caller's transaction: the attempt row, the delivery's state and, after a
 * failure, the next attempt's job (or the dead letter). Only the attempt the delivery expects is
 * recorded, so a job that runs twice (a crash after sending) changes nothing the second time.
 * Returns false when the attempt was stale.
 */
export async function recordAttempt(db: Queryable, r: AttemptResult): Promise<boolean> {
  const { rows } = await db.query<{ source: string; notification_id: string }>(
    `update deliveries set
       attempts = $2, last_attempt_at = now(), last_error = $3,
       delivered_at = case when $3::text is null then now() end,
       dead_at = case when $3::text is not null and $4::float8 is null then now() end,
       next_attempt_at = case when $3::text is not null and $4::float8 is not null
                              then now() + make_interval(secs => $4::float8 / 1000) end
     where id = $1 and attempts = $2 - 1 and delivered_at is null and dead_at is null
     returning source, notification_id::text`,
    [r.deliveryId, r.attempt, r.error ?? null, r.retryInMs ?? null],
  );
  const row = rows[0];
  if (!row) return false;
  await db.query(
    'insert into delivery_attempts (delivery_id, attempt, duration_ms, error) values ($1, $2, $3, $4)',
    [r.deliveryId, r.attempt, Math.round(r.durationMs), r.error ?? null],
  );
  if (r.error === undefined) {
    const table = row.source === 'session' ? 'notifications' : 'implementation_notifications';
    await db.query(
      `update ${table} set delivered_at = coalesce(delivered_at, now()) where id = $1`,
      [row.notification_id],
    );
  } else if (r.retryInMs !== undefined) {
    await db.query(
      `select graphile_worker.add_job($1, $2::json,
         run_at => now() + make_interval(secs => $3::float8 / 1000), max_attempts => 3)`,
      [
        DELIVER_TASK,
        JSON.stringify({
          deliveryId: r.deliveryId,
          attempt: r.attempt + 1,
          ...(r.roundStart && r.roundStart > 1 ? { roundStart: r.roundStart } : {}),
        }),
        r.retryInMs,
      ],
    );
  }
  return true;
}
