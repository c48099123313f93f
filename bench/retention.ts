/**
 * Storage per session with history retention on the default path (the mentor-turn workflow, the
 * retention jobs run by a timer worker): bytes per session after 1,000 events and after 10,000, all
 * tables that grow with a session counted (Mastra's workflow snapshots and Graphile's jobs
 * included). Prints on-disk growth (after VACUUM, so freed space is reused, not counted twice) and
 * the live row data: each row's `pg_column_size`, which includes its tuple header, plus its 4-byte
 * line pointer (until stop 20 the header was added a second time, 20 B per row). No assertions: see
 * bench/README.md.
 *
 *   npm run bench:retention                        2 sessions × 10,000 events, window 1,000
 *   npm run bench:retention -- --events 3000      fewer events
 */
import os from 'node:os';
import { benchDatabase } from './bench-database.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const EVENTS = arg('--events', 10_000);
const SESSIONS = arg('--sessions', 2);
const WINDOW = arg('--window', 1000);
process.env.LOG_LEVEL ??= 'error';
process.env.MASTRA_TELEMETRY_DISABLED = '1';

const database = await benchDatabase('mentorflow_retention');

const { createApp } = await import('../src/app.ts');
const { loadConfig } = await import('../src/config/index.ts');
const { workflowTurns } = await import('../src/sessions/workflow-runner.ts');
const { startTimerWorker } = await import('../src/sessions/timers/worker.ts');
const { pruneTasks } = await import('../src/sessions/timers/prune-tasks.ts');
const { retentionOf } = await import('../src/sessions/store/prune-history.ts');
const { activity, monitoringSession } = await import('./session-driver.ts');

const config = loadConfig(process.env, {
  TIME_SCALE: '1',
  WORKER: 'false',
  HISTORY_RETENTION_EVENTS: String(WINDOW),
});
const app = await createApp(config);
const service = app.sessions;
const pool = app.database.pool;
service.processor.useExecutor(workflowTurns(app.mastra));
const worker = await startTimerWorker({
  pool,
  ingest: (sessionId, input) => service.ingestEvent(sessionId, input, { source: 'timer' }),
  // The configured retention (days 0 by default: the bench counts by events).
  extraTasks: pruneTasks(pool, { ...retentionOf(config), days: 0 }),
  pollInterval: 200,
});

/** Every table with rows per session or per event (ours, Mastra's snapshots, Graphile's jobs). */
const tables = [
  'sessions',
  'session_inbox',
  // Each event's outcome, transitions and turn are on its row (event_outcomes, state_transitions
  // and turns are views of it since migration 0008).
  'session_events',
  'notifications',
  'story_solutions',
  'mastra_workflow_snapshot',
  'mastra_messages',
  'mastra_threads',
  'graphile_worker._private_jobs',
];

async function onDisk(): Promise<number> {
  await pool.query(`vacuum ${tables.join(', ')}`);
  const { rows } = await pool.query<{ bytes: string }>(
    'select sum(pg_total_relation_size(t::regclass))::bigint as bytes from unnest($1::text[]) t',
    [tables],
  );
  return Number(rows[0]!.bytes);
}

async function rowData(ids: string[]): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>(
    `select (select coalesce(sum(pg_column_size(e.*) + 4), 0) from session_events e where session_id = any($1))
          + (select coalesce(sum(pg_column_size(s.*) + 4), 0) from sessions s where id = any($1))
          + (select coalesce(sum(pg_column_size(m.*) + 4), 0) from mastra_workflow_snapshot m)
          + (select coalesce(sum(pg_column_size(m.*) + 4), 0) from mastra_messages m where thread_id = any($1::text[]))
          + (select coalesce(sum(pg_column_size(m.*) + 4), 0) from mastra_threads m where id = any($1::text[])) as bytes`,
    [ids],
  );
  return Number(rows[0]!.bytes);
}

/** Waits until the prune jobs scheduled so far have run. */
async function pruned(): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      "select count(*) as n from graphile_worker._private_jobs where key like 'session:%:prune'",
    );
    if (Number(rows[0]!.n) === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `mentorflow storage per session — ${os.cpus().length} CPU(s), load ${load()}; window ${WINDOW} events, ${SESSIONS} sessions`,
);
const baseline = await onDisk();
const ids = await Promise.all(
  Array.from({ length: SESSIONS }, (_, i) => monitoringSession(service, i)),
);
const marks = [1000, EVENTS].filter((n, i, all) => n <= EVENTS && all.indexOf(n) === i);
let sent = 0;
const started = performance.now();
console.log('events/session   on disk/session   row data/session   row data/event (in window)');
for (const mark of marks) {
  await Promise.all(
    ids.map(async (id) => {
      for (let i = sent; i < mark; i++) await service.ingestEvent(id, activity(i));
    }),
  );
  sent = mark;
  await pruned();
  const disk = ((await onDisk()) - baseline) / SESSIONS;
  const data = (await rowData(ids)) / SESSIONS;
  const perEvent = data / Math.min(mark, WINDOW);
  console.log(
    `${String(mark).padStart(15)} ${`${(disk / 1024).toFixed(0)} KiB`.padStart(17)} ${`${(data / 1024).toFixed(0)} KiB`.padStart(18)} ${`${perEvent.toFixed(0)} B`.padStart(28)}`,
  );
}
const { rows: largest } = await pool.query<{ rel: string; bytes: string }>(
  `select t as rel, pg_total_relation_size(t::regclass) as bytes from unnest($1::text[]) t
   union all
   select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r' and c.relname like 'mastra_%' and c.relname <> all($1::text[])
   order by 2 desc limit 8`,
  [tables],
);
console.log(
  `largest: ${largest.map((r) => `${r.rel} ${(Number(r.bytes) / 1024).toFixed(0)} KiB`).join(', ')}`,
);
console.log(
  `${sent * SESSIONS} events in ${((performance.now() - started) / 1000).toFixed(0)} s; load ${load()}`,
);

await worker.stop();
await app.close();
await database.drop();
