import type { Queryable } from '../transaction.ts';

/**
 * Unlocks jobs (and queues) held by workers not seen for `staleMs`, and forgets workers silent for
 * a day. A lock younger than a few seconds is left alone: its worker may be starting and not
 * registered yet. Returns the ids unlocked.
 */
export async function unlockDeadTimerWorkers(db: Queryable, staleMs: number): Promise<string[]> {
  const { rows } = await db.query<{ locked_by: string }>(
    `select distinct locked_by from graphile_worker.jobs
     where locked_by is not null and locked_at < now() - interval '5 seconds'
       and locked_by not in (select worker_id from timer_workers where heartbeat_at > now() - make_interval(secs => $1::double precision / 1000))`,
    [staleMs],
  );
  const dead = rows.map((r) => r.locked_by);
  if (dead.length)
    await db.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
  await db.query("delete from timer_workers where heartbeat_at < now() - interval '1 day'");
  return dead;
}
