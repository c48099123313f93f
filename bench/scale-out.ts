/**
 * Scale-out correctness: three `mentorflow start` processes on one fresh database, ≥ 200
 * sessions driven over HTTP, one process SIGKILLed mid-load. Each session's client sends a fixed
 * sequence of K activity events (each with an id, so a retry is idempotent), choosing a process
 * round-robin and retrying the same event on another process when a request fails. At the end the
 * database must hold every event exactly once with one outcome, nothing applied twice, and every
 * session in the state (and with the per-event outcomes) of a reference session that received the
 * same events on one process before the load. Exits 1 when a check fails; not part of `npm test`.
 *
 *   npm run bench:scale-out                200 sessions × 30 events
 *   npm run bench:scale-out -- --quick     30 sessions × 20 events
 *   … -- --sessions N --events K           other sizes
 *   … -- --sticky                          a session's events go to one process (next one if it fails)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type CliProcess, spawnScript } from '../test/helpers/spawn-cli.ts';
import { activity, benchStory } from './session-driver.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const sessionCount = option('--sessions', quick ? 30 : 200);
const eventsPerSession = option('--events', quick ? 20 : 30);
/** Share of the load events answered before one process is killed. */
const killAfter = 0.3;
const sticky = argv.includes('--sticky');
/** --sticky: each session's process (index into the processes, round-robin at its first event). */
const home = new Map<string, number>();
const recoveryWaitMs = 40_000;
const processCount = 3;

const bin = fileURLToPath(new URL('../bin/mentorflow.js', import.meta.url));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// A database of its own on DATABASE_URL's server (the machine's PostgreSQL), dropped at the end.
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
const dbName = `mentorflow_scaleout_${randomBytes(4).toString('hex')}`;
await admin.query(`create database "${dbName}"`);
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${dbName}`;
const db = new pg.Pool({ connectionString: dbUrl.toString(), max: 2 });
// An idle client ended by the final `drop database … with (force)` must not crash the bench.
for (const pool of [admin, db]) pool.on('error', () => undefined);

interface Server {
  readonly index: number;
  readonly cli: CliProcess;
  readonly url: string;
}

/** `mentorflow start` on the bench database, auth off (loopback), its worker and sweep on. */
async function startServer(index: number): Promise<Server> {
  const cli = spawnScript(bin, ['start'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl.toString(),
    WORKER: 'true',
    LOG_LEVEL: 'error',
    MASTRA_TELEMETRY_DISABLED: '1',
    MENTORFLOW_API_KEYS: undefined,
  });
  children.push(cli);
  const [, url] = await cli.waitFor(/listening on (http:\/\/[^\s]+)/, 90_000);
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/ready`).catch(() => null);
    if (ready?.ok) return { index, cli, url: url! };
    if (tries > 100) throw new Error(`server ${index} is not ready`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the clients saw. */
const seen = {
  requests: 0,
  /** Attempts that got no HTTP answer (refused, reset, timed out) or a 5xx. */
  failedAttempts: 0,
  serverErrors: 0,
  /** Events answered (any status below 500), per phase. */
  answeredBeforeKill: 0,
  answeredAfterKill: 0,
  /** `sessionId key` of events whose attempt failed on the killed process. */
  orphaned: new Set<string>(),
  /** When each orphaned event was finally answered (by another process). */
  orphanAnswered: new Map<string, number>(),
  /** When the last request in flight on the killed process failed at its client. */
  orphanFailed: 0,
  status409: 0,
};
const servers: Server[] = [];
/** Every process started, ready or not, so that none outlives the bench. */
const children: CliProcess[] = [];
/** The processes clients send to. */
let targets: Server[] = [];
let killed: Server | null = null;
let killedAt = 0;
let turn = 0;

/**
 * Sends one event until some process answers: round-robin, and on a failed attempt the same event
 * (same id) goes to the next process. Returns the answer's body.
 */
async function send(
  sessionId: string,
  key: string,
  event: object,
): Promise<{ session: { state: string } }> {
  // Round-robin by default; --sticky: a session's events go to one process while it lives.
  let at =
    (sticky ? (home.get(sessionId) ?? home.set(sessionId, turn++).get(sessionId)!) : turn++) %
    targets.length;
  let serverErrors = 0;
  for (let attempt = 0; attempt < 200; attempt++, at = (at + 1) % targets.length) {
    const server = targets[at]!;
    const started = Date.now();
    seen.requests++;
    try {
      const response = await fetch(`${server.url}/api/sessions/${sessionId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: key, ...event }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.json().catch(() => null);
      if (response.status >= 500) {
        seen.serverErrors++;
        // A live process answering 5xx again and again is a product error, not a dead process.
        const again = ++serverErrors >= 3 ? 'unexpected ' : '';
        throw new Error(`${again}${response.status} ${JSON.stringify(body)} (event ${key})`);
      }
      if (response.status === 409) seen.status409++;
      else if (!response.ok)
        throw new Error(`unexpected ${response.status} ${JSON.stringify(body)}`);
      if (seen.orphaned.has(`${sessionId} ${key}`))
        seen.orphanAnswered.set(`${sessionId} ${key}`, Date.now());
      if (sticky) home.set(sessionId, at);
      if (killedAt) seen.answeredAfterKill++;
      else seen.answeredBeforeKill++;
      return body;
    } catch (error) {
      if ((error as Error).message.startsWith('unexpected')) throw error;
      seen.failedAttempts++;
      // In flight when the process died: it may have stored the event and not applied it.
      if (server === killed && started < killedAt) {
        seen.orphaned.add(`${sessionId} ${key}`);
        seen.orphanFailed = Math.max(seen.orphanFailed, Date.now());
      }
      await sleep(20);
    }
  }
  throw new Error(`event ${key} of ${sessionId}: no process answered`);
}

/** `POST /api/sessions` on a process chosen round-robin (retried on another when it fails). */
async function createSession(i: number): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const server = targets[(i + attempt) % targets.length]!;
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ learnerId: `scale-${i % 50}`, story: benchStory }),
    }).catch(() => null);
    if (response?.status === 201) return ((await response.json()) as { id: string }).id;
  }
  throw new Error(`session ${i}: not created`);
}

/** The events bench's way to MONITOR_PROGRESS (restatement, plan, a green test run), over HTTP. */
const setupEvents = [
  {
    type: 'learner-message',
    data: {
      text: 'Show the total price of the cart items: sum the item prices, zero for an empty cart',
    },
  },
  {
    type: 'learner-message',
    data: {
      text: '1. test the total\n2. sum the prices\n3. empty cart is zero\n4. refactor\n5. docs\n6. lint',
    },
  },
  { type: 'test-run', data: { failed: 0, passed: 1 } },
];

/** The state the reference session reached after the set-up (within MONITOR_PROGRESS). */
let monitoringState = '';

async function monitoringSession(i: number): Promise<string> {
  const id = await createSession(i);
  let state = '';
  for (const [n, event] of setupEvents.entries())
    state = (await send(id, `setup-${n}`, event)).session.state;
  monitoringState ||= state;
  if (state !== monitoringState)
    throw new Error(`session ${id} is in ${state} after set-up, not ${monitoringState}`);
  return id;
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pooled<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const at = next++;
        results[at] = await task(items[at]!);
      }
    }),
  );
  return results;
}

const eventKey = (i: number) => `ev-${i}`;

/** CPU ms a process has used so far (user + system, from /proc), or null when it is gone. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU used during the load by the product processes and by the Postgres backends of the bench
 * database (sampled every second, so a backend that exits counts up to its last sample).
 * Unlike wall time it hardly depends on what else runs on the machine.
 */
function cpuMeter() {
  const used = new Map<number, { first: number; last: number }>();
  let started = false;
  async function sample() {
    const { rows } = await admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [dbName],
    );
    const pids = [...rows.map((r) => r.pid), ...servers.map((s) => s.cli.child.pid!)];
    for (const pid of pids) {
      const ms = cpuMsOf(pid);
      if (ms === null) continue;
      const entry = used.get(pid);
      if (entry) entry.last = ms;
      else used.set(pid, { first: started ? 0 : ms, last: ms });
    }
    started = true;
  }
  return {
    sample,
    /** CPU ms of the product processes and of the Postgres backends since the first sample. */
    total() {
      const of = (pids: number[]) =>
        pids.reduce((sum, pid) => sum + (used.get(pid)!.last - used.get(pid)!.first), 0);
      const node = servers.map((s) => s.cli.child.pid!).filter((pid) => used.has(pid));
      return { node: of(node), postgres: of([...used.keys()].filter((p) => !node.includes(p))) };
    },
  };
}

/** Seconds from the kill until the orphans applied after it were: first, median, last. */
function orphanSummary(delays: number[]): string {
  if (!delays.length) return 'none applied after the kill';
  const sorted = delays.sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.floor((sorted.length - 1) * q)]! / 1000).toFixed(1);
  return `first ${at(0)} s, median ${at(0.5)} s, last ${at(1)} s`;
}

/** Per event key of a session: outcome status, state after, transitions and turns recorded. */
async function history(sessionIds: string[]) {
  const { rows } = await db.query<{
    session_id: string;
    key: string;
    copies: number;
    outcomes: number;
    status: string | null;
    state: string | null;
    processed_at: Date | null;
    received_at: Date;
    transitions: number;
    turns: number;
  }>(
    `select e.session_id, e.idempotency_key as key, count(*) over (partition by e.session_id, e.idempotency_key)::int as copies,
            (e.processed_at is not null)::int as outcomes,
            event_outcome(e.processed_at, e.type, e.outcome, e.transitions)->>'status' as status,
            event_state(e.processed_at, e.state, e.transitions) as state, e.processed_at, e.received_at,
            coalesce(json_array_length(e.transitions), 0) as transitions,
            (e.turn is not null)::int as turns
       from session_events e
      where e.session_id = any($1) and e.idempotency_key like 'ev-%'`,
    [sessionIds],
  );
  const bySession = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    let keys = bySession.get(row.session_id);
    if (!keys) bySession.set(row.session_id, (keys = new Map()));
    keys.set(row.key, row);
  }
  return bySession;
}

const unprocessed = async () =>
  Number(
    (await db.query('select count(*) from session_events e where e.processed_at is null')).rows[0]
      .count,
  );

let failed = false;
try {
  console.log(
    `scale-out: ${processCount} processes, ${sessionCount} sessions × ${eventsPerSession} events, ${sticky ? 'sticky sessions' : 'round-robin'}, database ${dbName}; load average ${load()}`,
  );
  // The first process migrates the fresh database; the others then start side by side.
  servers.push(await startServer(0));
  servers.push(...(await Promise.all([1, 2].map(startServer))));

  // Reference: one session, the same events, one after the other on one process.
  targets = [servers[0]!];
  const referenceStarted = performance.now();
  const reference = await monitoringSession(sessionCount);
  for (let i = 0; i < eventsPerSession; i++) await send(reference, eventKey(i), activity(i));
  console.log(
    `reference: ${eventsPerSession + setupEvents.length} events one after the other on one process, ${((performance.now() - referenceStarted) / (eventsPerSession + setupEvents.length)).toFixed(1)} ms each`,
  );
  targets = servers;

  const setupStarted = performance.now();
  const ids = await pooled(
    Array.from({ length: sessionCount }, (_, i) => i),
    40,
    monitoringSession,
  );
  console.log(
    `set-up: ${ids.length} sessions in MONITOR_PROGRESS in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
  );
  seen.answeredBeforeKill = 0;

  // The load: one client per session, all at once; one process is SIGKILLed after 30 % of it.
  const total = sessionCount * eventsPerSession;
  const cpu = cpuMeter();
  await cpu.sample();
  const sampler = setInterval(() => void cpu.sample().catch(() => undefined), 1000);
  const loadStarted = Date.now();
  let loadAtKill = '';
  const watcher = setInterval(() => {
    if (killed || seen.answeredBeforeKill < total * killAfter) return;
    killed = servers[1]!;
    void cpu.sample().finally(() => {
      killedAt = Date.now();
      killed!.cli.child.kill('SIGKILL');
    });
    loadAtKill = load();
  }, 5);
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 0; i < eventsPerSession; i++) await send(id, eventKey(i), activity(i));
    }),
  );
  clearInterval(watcher);
  clearInterval(sampler);
  await cpu.sample();
  const cpuUsed = cpu.total();
  const loadEnded = Date.now();
  const loadAtEnd = load();

  // Recovery: the sweep of the live processes applies what the killed one left (≤ ~20 s).
  const waitStarted = Date.now();
  while ((await unprocessed()) > 0 && Date.now() - waitStarted < recoveryWaitMs) await sleep(500);
  const pendingLeft = await unprocessed();

  // Checks, in the database.
  const expected = (await history([reference])).get(reference)!;
  const { rows: finals } = await db.query<{ id: string; state: string; version: string }>(
    'select id, state, version from sessions where id = any($1)',
    [[reference, ...ids]],
  );
  const finalOf = new Map(finals.map((r) => [r.id, r]));
  const want = finalOf.get(reference)!;
  const actual = await history(ids);
  let lost = 0;
  let duplicated = 0;
  let appliedTwice = 0;
  let wrongOutcome = 0;
  let wrongState = 0;
  const orphanDelays: number[] = [];
  /** In-flight events the killed process had stored: applied before it died / after, elsewhere. */
  const orphanFate = { notStored: 0, appliedBefore: 0, appliedAfter: 0 };
  for (const id of ids) {
    const keys = actual.get(id) ?? new Map();
    for (let i = 0; i < eventsPerSession; i++) {
      const key = eventKey(i);
      const row = keys.get(key);
      const ref = expected.get(key)!;
      if (row?.outcomes !== 1) lost++;
      if (row && row.copies !== 1) duplicated++;
      if (row && (row.transitions > ref.transitions || row.turns > ref.turns)) appliedTwice++;
      if (row && (row.status !== ref.status || row.state !== ref.state)) wrongOutcome++;
      if (row?.processed_at && seen.orphaned.has(`${id} ${key}`)) {
        if (row.processed_at.getTime() >= killedAt)
          orphanDelays.push(row.processed_at.getTime() - killedAt);
        if (row.received_at.getTime() >= killedAt) orphanFate.notStored++;
        else if (row.processed_at.getTime() < killedAt) orphanFate.appliedBefore++;
        else orphanFate.appliedAfter++;
      }
    }
    const final = finalOf.get(id);
    if (final?.state !== want.state || final.version !== want.version) wrongState++;
  }

  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const rate = (n: number, ms: number) => (ms > 0 ? Math.round((n * 1000) / ms) : 0);
  console.log(`
sessions                          ${sessionCount} (+1 reference: ${want.state}, version ${want.version})
events sent                       ${total} (${seen.requests} requests; setup and reference included)
events accepted                   ${total} (answered ${seen.answeredBeforeKill + seen.answeredAfterKill}, 409 ${seen.status409}, failed attempts ${seen.failedAttempts}, 5xx ${seen.serverErrors})
process killed                    #1 after ${seen.answeredBeforeKill} answered events, ${seconds(killedAt - loadStarted)} s into the load
events orphaned by the kill       ${seen.orphaned.size} in flight on the killed process, retried elsewhere: ${orphanFate.appliedAfter} stored by it and applied by another, ${orphanFate.appliedBefore} applied before it died (answer lost), ${orphanFate.notStored} not stored by it
lost                              ${lost} (0 expected; ${pendingLeft} inbox events still without an outcome after the wait)
stored twice                      ${duplicated} (0 expected)
applied twice                     ${appliedTwice} (0 expected)
outcome differs from reference    ${wrongOutcome} (0 expected)
sessions in the wrong state       ${wrongState} (0 expected)
kill → orphans applied            ${orphanSummary(orphanDelays)} (their clients: last failure ${seconds(Math.max(killedAt, seen.orphanFailed) - killedAt)} s, last answer ${seconds(Math.max(killedAt, ...seen.orphanAnswered.values()) - killedAt)} s after the kill)
throughput before / after kill    ${rate(seen.answeredBeforeKill, killedAt - loadStarted)} / ${rate(seen.answeredAfterKill, loadEnded - killedAt)} events/s (3 / 2 processes)
load                              ${seconds(loadEnded - loadStarted)} s; CPU ms per event ${(cpuUsed.node / total).toFixed(1)} (3 processes) + ${(cpuUsed.postgres / total).toFixed(1)} (Postgres backends)
load average (1/5/15 min)         kill ${loadAtKill}, end ${loadAtEnd}, now ${load()}`);
  failed =
    !killed || lost + duplicated + appliedTwice + wrongOutcome + wrongState + seen.serverErrors > 0;
  if (failed) console.log('\nFAILED: see the counts above');
} catch (error) {
  failed = true;
  console.error(error);
  for (const [i, cli] of children.entries()) console.error(`--- server ${i}:\n${cli.output()}`);
} finally {
  await Promise.all(
    children.map(async ({ child, exited }) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(15_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }),
  );
  await db.end();
  await admin.query(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);
