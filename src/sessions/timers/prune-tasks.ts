/**
 * History retention as durable jobs. Every `pruneEvery` events a session's turn schedules its own
 * prune in the turn's commit (a Graphile job keyed per session, so repeats fold into one); a daily
 * job prunes by age the sessions nobody writes to any more.
 */
import type { Task, TaskList } from 'graphile-worker';
import type pg from 'pg';
import { pruneSessionHistory } from '../../db/sessions/prune-session-history.ts';
import { sessionsWithHistoryBefore } from '../../db/sessions/sessions-with-history-before.ts';
import { vacuumHistory } from '../../db/sessions/vacuum-history.ts';
import type { Retention } from '../store/prune-history.ts';

export const PRUNE_HISTORY_TASK = 'mentorflow_prune_history';
export const PRUNE_STALE_HISTORY_TASK = 'mentorflow_prune_stale_history';
/** Graphile Worker crontab line: the age sweep, daily (a missed day is run once on start). */
export const pruneStaleCrontab = `0 4 * * * ${PRUNE_STALE_HISTORY_TASK} ?fill=1d`;

/** A session schedules its prune every this many events: the window overshoots by at most 10 %. */
export function pruneEvery(retention: Retention): number {
  return Math.max(1, Math.floor(retention.events / 10));
}

/** The job key of a session's prune. */
export function pruneJobKey(sessionId: string): string {
  return `session:${sessionId}:prune`;
}

/** A process vacuums pruned history at most this often (autovacuum's own pace is once a minute). */
export const VACUUM_EVERY_MS = 10_000;

export function pruneTasks(pool: pg.Pool, retention: Retention): TaskList {
  let vacuumedAt = 0;
  const prune: Task = async (payload) => {
    const { sessionId } = payload as { sessionId: string };
    const pruned = await pruneSessionHistory(pool, sessionId, retention);
    // A session that filled its window fast keeps its files at the window plus what ten seconds
    // write, instead of growing until autovacuum comes by (bench/retention.ts).
    if (pruned.events > 0 && Date.now() - vacuumedAt >= VACUUM_EVERY_MS) {
      vacuumedAt = Date.now();
      await vacuumHistory(pool);
    }
  };
  const pruneStale: Task = async () => {
    if (!retention.days) return;
    for (const id of await sessionsWithHistoryBefore(pool, retention.days))
      await pruneSessionHistory(pool, id, retention);
  };
  return { [PRUNE_HISTORY_TASK]: prune, [PRUNE_STALE_HISTORY_TASK]: pruneStale };
}
