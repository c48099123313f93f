/**
 * Timer workers register their Graphile worker ids with a heartbeat; live processes (at boot and on
 * every beat) release the jobs locked by ids whose heartbeat stopped (their process died mid-job),
 * so those timers run within seconds instead of after Graphile's 4-hour lock timeout.
 */
import { hostname } from 'node:os';
import type pg from 'pg';

/** A worker whose heartbeat is older than this is dead (three beats missed). */
export const HEARTBEAT_STALE_MS = 15_000;
/** How often live workers beat. */
export const HEARTBEAT_EVERY_MS = 5_000;

export async function registerWorkers(pool: pg.Pool, workerIds: readonly string[]): Promise<void> {
  if (!workerIds.length) return;
  await pool.query(
    `insert into timer_workers (worker_id, pid, host) select unnest($1::text[]), $2, $3
     on conflict (worker_id) do update set heartbeat_at = now()`,
    [workerIds, process.pid, hostname()],
  );
}

export async function heartbeat(pool: pg.Pool, workerIds: readonly string[]): Promise<void> {
  if (workerIds.length)
    await pool.query('update timer_workers set heartbeat_at = now() where worker_id = any($1)', [
      workerIds,
    ]);
}

export async function unregisterWorkers(
  pool: pg.Pool,
  workerIds: readonly string[],
): Promise<void> {
  if (workerIds.length)
    await pool.query('delete from timer_workers where worker_id = any($1)', [workerIds]);
}

/**
 * Unlocks jobs (and queues) held by workers not seen for HEARTBEAT_STALE_MS. A lock younger than
 * a few seconds is left alone: its worker may be starting and not registered yet. Returns the ids.
 */
export async function unlockDeadWorkers(
  pool: pg.Pool,
  staleMs = HEARTBEAT_STALE_MS,
): Promise<string[]> {
  const { rows } = await pool.query<{ locked_by: string }>(
    `select distinct locked_by from graphile_worker.jobs
     where locked_by is not null and locked_at < now() - interval '5 seconds'
       and locked_by not in (select worker_id from timer_workers where heartbeat_at > now() - make_interval(secs => $1::double precision / 1000))`,
    [staleMs],
  );
  const dead = rows.map((r) => r.locked_by);
  if (dead.length)
    await pool.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
  await pool.query("delete from timer_workers where heartbeat_at < now() - interval '1 day'");
  return dead;
}
