import { DELIVER_TASK } from './record-attempt.ts';
import type { Queryable } from '../transaction.ts';

/**
 * Takes a dead-lettered delivery out of the dead letter for one more round: its attempts so far
 * stay recorded, and the round starts at the next attempt now, with `NOTIFY_MAX_ATTEMPTS` attempts
 * and the backoff from its first step (the job carries where the round starts). The caller holds the
 * row's lock (lockDelivery) and has checked that it is dead.
 */
export async function reviveDelivery(db: Queryable, id: number, attempts: number): Promise<void> {
  await db.query(
    `update deliveries set dead_at = null, next_attempt_at = now() where id = $1 and dead_at is not null`,
    [id],
  );
  await db.query(`select graphile_worker.add_job($1, $2::json, max_attempts => 3, job_key => $3)`, [
    DELIVER_TASK,
    JSON.stringify({ deliveryId: id, attempt: attempts + 1, roundStart: attempts + 1 }),
    `delivery:${id}`,
  ]);
}
