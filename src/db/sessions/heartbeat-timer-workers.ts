import type { Queryable } from '../transaction.ts';

/** Renews the heartbeat of these worker ids: they are alive. */
export async function heartbeatTimerWorkers(
  db: Queryable,
  workerIds: readonly string[],
): Promise<void> {
  if (workerIds.length)
    await db.query('update timer_workers set heartbeat_at = now() where worker_id = any($1)', [
      workerIds,
    ]);
}
