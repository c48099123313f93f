import type { Queryable } from '../transaction.ts';

/** Locks the delivery row for an action; undefined when there is none. */
export async function lockDelivery(
  db: Queryable,
  id: number,
): Promise<
  | {
      attempts: number;
      delivered_at: Date | null;
      dead_at: Date | null;
      next_attempt_at: Date | null;
    }
  | undefined
> {
  const { rows } = await db.query(
    'select attempts, delivered_at, dead_at, next_attempt_at from deliveries where id = $1 for update',
    [id],
  );
  return rows[0];
}
