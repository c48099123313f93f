import type { Queryable } from '../transaction.ts';

/** Forgets these worker ids (their worker stopped cleanly). */
export async function unregisterTimerWorkers(
  db: Queryable,
  workerIds: readonly string[],
): Promise<void> {
  if (workerIds.length)
    await db.query('delete from timer_workers where worker_id = any($1)', [workerIds]);
}
