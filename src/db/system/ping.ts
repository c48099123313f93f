import type { Queryable } from '../transaction.ts';

/** One trivial round trip: the database answers (readiness checks). */
export async function ping(db: Queryable): Promise<void> {
  await db.query('select 1');
}
