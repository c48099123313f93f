import { hostname } from 'node:os';
import type { Queryable } from '../transaction.ts';

/** Registers this process's Graphile worker ids (with its pid and host), or renews their heartbeat. */
export async function registerTimerWorkers(
  db: Queryable,
  workerIds: readonly string[],
): Promise<void> {
  if (!workerIds.length) return;
  await db.query(
    `insert into timer_workers (worker_id, pid, host) select unnest($1::text[]), $2, $3
     on conflict (worker_id) do update set heartbeat_at = now()`,
    [workerIds, process.pid, hostname()],
  );
}
