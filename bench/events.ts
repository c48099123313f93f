/**
 * Event throughput of the session layer: N concurrent sessions (1, 10, 200), each driven by one
 * client that sends activity events one after the other (commit, failing test run, commit,
 * research: half of them move the machine), in rules mode, on Postgres (DATABASE_URL, else the
 * embedded server under .data/bench). Prints events/s, p50 / p99 latency from ingest to committed
 * turn, database round trips per event, and database bytes per session after 1,000 events.
 * No assertions: see bench/README.md for what the figures mean.
 *
 *   npm run bench                 direct turns, then the mentor-turn workflow runner
 *   npm run bench -- --quick      fewer events
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { benchDatabase } from './bench-database.ts';
import { activity, monitoringSession as driveToMonitoring } from './session-driver.ts';

const quick = process.argv.includes('--quick');
process.env.LOG_LEVEL ??= 'error';
process.env.MASTRA_TELEMETRY_DISABLED = '1';

const database = await benchDatabase('mentorflow_bench');

// The app on the bench database (createApp opens it and migrates).
const { createApp } = await import('../src/app.ts');
const { loadConfig } = await import('../src/config/index.ts');
const { workflowTurns } = await import('../src/sessions/workflow-runner.ts');
const app = await createApp(loadConfig(process.env, { TIME_SCALE: '1' }));
const { mastra } = app;
const service = app.sessions;
const pool = app.database.pool;
const monitoringSession = (i: number) => driveToMonitoring(service, i);

// Count round trips (every query through the app pool).
let queries = 0;
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
  queries++;
  return query(...args);
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * CPU time (ms) used so far by this process and by the Postgres backends serving this database,
 * read from /proc when the server runs on this host. Unlike wall time it does not depend on what
 * else the machine is doing, so cpu ms / event gives the capacity: cores × 1000 / (cpu ms / event).
 */
const ticks = 100;
async function cpuMs(): Promise<{ node: number; postgres: number | null }> {
  const usage = process.cpuUsage();
  const node = (usage.user + usage.system) / 1000;
  const { rows } = (await query(
    'select pid from pg_stat_activity where datname = current_database()',
  )) as { rows: { pid: number }[] };
  let postgres = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      postgres += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    } catch {
      return { node, postgres: null };
    }
  }
  return { node, postgres };
}

async function cpuPer(
  before: { node: number; postgres: number | null },
  events: number,
): Promise<{ cpuNode: number; cpuPostgres: number | null }> {
  const after = await cpuMs();
  return {
    cpuNode: (after.node - before.node) / events,
    cpuPostgres:
      after.postgres === null || before.postgres === null
        ? null
        : (after.postgres - before.postgres) / events,
  };
}

interface Row {
  runner: string;
  /** CPU ms per event: this process, and the Postgres backends (null when not on this host). */
  cpuNode: number;
  cpuPostgres: number | null;
  sessions: number;
  events: number;
  perSecond: number;
  p50: number;
  p99: number;
  queriesPerEvent: number;
  applied: number;
}

async function scenario(
  runner: 'direct' | 'workflow',
  sessions: number,
  perSession: number,
): Promise<Row> {
  service.processor.useExecutor(runner === 'workflow' ? workflowTurns(mastra) : null);
  const ids: string[] = [];
  for (let i = 0; i < sessions; i += 20)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, sessions - i) }, (_, j) => monitoringSession(i + j)),
      )),
    );
  const latencies: number[] = [];
  let applied = 0;
  const before = queries;
  const cpuBefore = await cpuMs();
  const started = performance.now();
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 0; i < perSession; i++) {
        const t = performance.now();
        const result = await service.ingestEvent(id, activity(i));
        latencies.push(performance.now() - t);
        if (result.outcome.status === 'applied') applied++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = await cpuPer(cpuBefore, sessions * perSession);
  latencies.sort((a, b) => a - b);
  const events = sessions * perSession;
  return {
    runner,
    ...cpu,
    sessions,
    events,
    perSecond: Math.round(events / seconds),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    queriesPerEvent: (queries - before) / events,
    applied: applied / events,
  };
}

/**
 * Open loop: events arrive at `rate` per second spread over the sessions (each session's events
 * still one after the other), the way real traffic does; latency then shows service time plus
 * queueing at that load, not the backlog of clients that send as fast as they can.
 */
async function paced(
  sessions: number,
  rate: number,
  seconds: number,
): Promise<Row & { offered: number }> {
  service.processor.useExecutor(null);
  const ids: string[] = [];
  for (let i = 0; i < sessions; i += 20)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, sessions - i) }, (_, j) =>
          monitoringSession(50_000 + i + j),
        ),
      )),
    );
  const total = rate * seconds;
  const latencies: number[] = [];
  const chains = new Map<string, Promise<void>>();
  let applied = 0;
  const before = queries;
  const cpuBefore = await cpuMs();
  const started = performance.now();
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const id = ids[n % ids.length]!;
    const i = Math.floor(n / ids.length);
    // Latency counts from the event's due time, so waiting behind the same session's previous event counts too.
    chains.set(
      id,
      (chains.get(id) ?? Promise.resolve()).then(async () => {
        const result = await service.ingestEvent(id, activity(i));
        latencies.push(performance.now() - due);
        if (result.outcome.status === 'applied') applied++;
      }),
    );
  }
  await Promise.all(chains.values());
  const secondsTaken = (performance.now() - started) / 1000;
  const cpu = await cpuPer(cpuBefore, total);
  latencies.sort((a, b) => a - b);
  return {
    runner: 'paced',
    ...cpu,
    sessions,
    events: total,
    perSecond: Math.round(total / secondsTaken),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    queriesPerEvent: (queries - before) / total,
    applied: applied / total,
    offered: rate,
  };
}

const tables = [
  'sessions',
  'session_inbox',
  // Outcomes, transitions and turns are on the event's row (views of it since migration 0008).
  'session_events',
  'notifications',
  'story_solutions',
  'learners',
  'graphile_worker._private_jobs',
];
async function relationBytes(): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>(
    `select sum(pg_total_relation_size(t::regclass))::bigint as bytes from unnest($1::text[]) t`,
    [tables],
  );
  return Number(rows[0]!.bytes);
}

/** Bytes one session adds after 1,000 events: rows (pg_column_size + tuple header) and their index entries. */
async function bytesPerSession(): Promise<{ heap: number; total: number }> {
  await pool.query('vacuum analyze sessions, session_inbox, session_events, notifications');
  const baseline = await relationBytes();
  const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => monitoringSession(10_000 + i)));
  service.processor.useExecutor(null);
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 0; i < 997; i++) await service.ingestEvent(id, activity(i));
    }),
  );
  await pool.query('vacuum analyze sessions, session_inbox, session_events, notifications');
  const { rows } = await pool.query<{ heap: string }>(
    `select (select coalesce(sum(pg_column_size(e.*) + 24), 0) from session_events e where session_id = any($1))
          + (select coalesce(sum(pg_column_size(s.*) + 24), 0) from sessions s where id = any($1)) as heap`,
    [ids],
  );
  return {
    heap: Math.round(Number(rows[0]!.heap) / ids.length),
    total: Math.round(((await relationBytes()) - baseline) / ids.length),
  };
}

const settings = await pool.query<{ name: string; setting: string }>(
  "select name, setting from pg_settings where name in ('server_version', 'synchronous_commit', 'fsync', 'max_connections')",
);
const fsyncProbe = await (async () => {
  await pool.query('create temporary table fsync_probe (x int)');
  const client = await pool.connect();
  try {
    await client.query('create table if not exists bench_fsync_probe (x int)');
    const t = performance.now();
    for (let i = 0; i < 50; i++) await client.query('insert into bench_fsync_probe values (1)');
    return (performance.now() - t) / 50;
  } finally {
    client.release();
  }
})();

const plan: ['direct' | 'workflow', number, number][] = quick
  ? [
      ['direct', 1, 300],
      ['direct', 10, 100],
      ['direct', 200, 5],
      ['workflow', 1, 100],
      ['workflow', 10, 30],
    ]
  : [
      ['direct', 1, 1000],
      ['direct', 10, 300],
      ['direct', 200, 20],
      ['workflow', 1, 300],
      ['workflow', 10, 100],
      ['workflow', 200, 5],
    ];

const rows: Row[] = [];
for (const [runner, sessions, per] of plan) {
  await scenario(runner, Math.min(sessions, 5), 20); // warm-up (JIT, caches, connections)
  rows.push(await scenario(runner, sessions, per));
}
for (const rate of quick ? [500, 1000] : [500, 1000])
  rows.push(await paced(200, rate, quick ? 3 : 5));
const size = await bytesPerSession();

console.log(
  `\nmentorflow session events — ${os.cpus().length} CPU(s), ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, ${database.kind} Postgres`,
);
console.log(
  `settings: ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}; a durable 1-row insert takes ${fsyncProbe.toFixed(2)} ms here\n`,
);
console.log(
  "closed loop: each session's client sends its next event as soon as the last one is done; N/s: events offered at N per second (open loop)\n",
);
console.log(
  'runner    sessions  events  events/s   p50 ms   p99 ms  queries/event  applied  cpu ms/event (node + pg)',
);
for (const r of rows) {
  const cpu = `${r.cpuNode.toFixed(2)} + ${r.cpuPostgres === null ? '?' : r.cpuPostgres.toFixed(2)}`;
  console.log(
    `${(r.runner === 'paced' ? `${(r as { offered?: number }).offered}/s` : r.runner).padEnd(9)} ${String(r.sessions).padStart(8)} ${String(r.events).padStart(7)} ${String(r.perSecond).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.queriesPerEvent.toFixed(2).padStart(14)} ${`${Math.round(r.applied * 100)}%`.padStart(8)}  ${cpu.padStart(14)}`,
  );
}
const direct = rows.filter((r) => r.runner === 'direct' && r.cpuPostgres !== null);
if (direct.length) {
  const perEvent = Math.min(...direct.map((r) => r.cpuNode + r.cpuPostgres!));
  console.log(
    `\ncapacity from CPU time (direct turns): ${os.cpus().length} cores × 1000 / ${perEvent.toFixed(2)} ms ≈ ${Math.round((os.cpus().length * 1000) / perEvent)} events/s when nothing else runs`,
  );
}
console.log(
  `\ndatabase bytes per session after 1,000 events: ${(size.total / 1024).toFixed(0)} KiB on disk (tables + indexes), ${(size.heap / 1024).toFixed(0)} KiB of row data`,
);

await app.close();
await database.drop();
process.exit(0);
