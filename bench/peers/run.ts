/**
 * mentorflow against its peers on one PostgreSQL server (DATABASE_URL, default the local
 * postgres://postgres@127.0.0.1:5432/postgres), in a database of its own, dropped at the end:
 *
 * - floor: pgbench running one event's SQL in one transaction (`one-event.sql`);
 * - bare Mastra: a 1-step workflow on PostgresStore doing that SQL, one run per event;
 * - LangGraph.js: a one-node StateGraph checkpointed by PostgresSaver, one invoke per event;
 * - Mastra ceiling: bare Mastra's workflow writing no snapshot, the best a Mastra run per event can do;
 *   and the same with 4 steps, as many as a turn that does not move the machine runs;
 * - mentorflow: the product's default path (a `mentor-turn` run per event, rules mode).
 *
 * Interleaved in rounds (each round runs every contender at 1, 10 and 200 sessions, closed loop);
 * ratios are taken within a round, and the table gives their median and range. No assertions:
 * bench/README.md says what the figures mean.
 *
 *   npm run bench:peers                      5 rounds × 3 s per run (~4–5 minutes)
 *   npm run bench:peers -- --quick           2 rounds × 2 s (~1 minute)
 *   npm run bench:peers -- --rounds 3 --seconds 5
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bareMastraContender } from './bare-mastra.ts';
import { type Contender, type Measured, quantile } from './closed-loop.ts';
import { sampleCpu } from './cpu.ts';
import { floorContender, pgbenchPath } from './floor.ts';
import { langGraphContender } from './langgraph.ts';
import { mentorflowContender } from './mentorflow.ts';

process.env.MASTRA_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'error';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : undefined;
};
const quick = args.includes('--quick');
const rounds = option('rounds') ?? (quick ? 2 : 5);
const seconds = option('seconds') ?? (quick ? 2 : 3);
const concurrencies = [1, 10, 200];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = load();

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
const name = `mentorflow_peers_${randomBytes(4).toString('hex')}`;
await admin.query(`create database "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 1000 });

// Round trips: every query of every pg client of this process on the bench database (one contender runs at a time; the
// peers' pg is this one). pgbench's are the statements of its script.
let queries = 0;
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  if (this.database === name) queries++; // not the CPU sampler's, on the admin database
  return clientQuery.apply(this, args);
};
const scriptStatements = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), 'one-event.sql'),
  'utf8',
)
  .split('\n')
  .filter((line) => /^[A-Z]/.test(line)).length;
const contenders: Contender[] = [];
try {
  await pool.query(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'schema.sql'), 'utf8'),
  );
  const { rows } = await pool.query<{ server_version: string }>('show server_version');
  contenders.push(
    floorContender(databaseUrl, pool, 0),
    bareMastraContender(databaseUrl, 100_000),
    langGraphContender(databaseUrl, 200_000),
    bareMastraContender(databaseUrl, 300_000, { persist: false }),
    bareMastraContender(databaseUrl, 400_000, { persist: false, steps: 4 }),
    await mentorflowContender(databaseUrl),
  );
  const max = Math.max(...concurrencies);
  for (const c of contenders) await c.prepare(max);
  for (const c of contenders) await c.run(10, 1); // warm-up (JIT, caches, connections)

  /**
   * One run with its CPU and round trips. The server is shared (max_connections): when it has no
   * connection left for this run, it is run again a little later.
   */
  const measure = async (contender: Contender, sessions: number) => {
    for (let attempt = 1; ; attempt++) {
      const cpu = sampleCpu(admin, name);
      const queriesBefore = queries;
      try {
        const measured = await contender.run(sessions, seconds);
        return { measured, used: await cpu.stop(), queriesBefore };
      } catch (error) {
        await cpu.stop();
        if (attempt >= 10 || !/too many clients/.test(String(error))) throw error;
        process.stderr.write(
          `${contender.name}: the server has no connection left, running it again\n`,
        );
        // Past the failed run's other clients, which stop at its end.
        await new Promise((r) => setTimeout(r, Math.max(3000, seconds * 1000 + 500)));
      }
    }
  };

  // results[round][contender][concurrency]; cpu: ms per event of the client and of Postgres.
  type Result = Measured & { cpuClient: number; cpuPostgres: number | null; queries: number };
  const results: Result[][][] = [];
  for (let r = 0; r < rounds; r++) {
    const round: Result[][] = contenders.map(() => []);
    for (const [k, sessions] of concurrencies.entries()) {
      // A different order each round, so no contender always runs right after the same one.
      for (let i = 0; i < contenders.length; i++) {
        const index = (i + r + k) % contenders.length;
        const { measured, used, queriesBefore } = await measure(contenders[index]!, sessions);
        round[index]![k] = {
          ...measured,
          cpuClient: (measured.clientCpuMs ?? used.node) / measured.events,
          cpuPostgres: used.postgres === null ? null : used.postgres / measured.events,
          queries:
            measured.clientCpuMs === undefined
              ? (queries - queriesBefore) / measured.events
              : scriptStatements,
        };
      }
    }
    results.push(round);
    process.stderr.write(`round ${r + 1}/${rounds} done (load ${load()})\n`);
  }
  const loadAfter = load();

  const rate = (m: Measured) => m.events / m.seconds;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
  };
  const spread = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${median(values).toFixed(2)} (${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)})`;
  };
  const ratios = (a: number, b: number, k: number) =>
    results.map((round) => rate(round[a]![k]!) / rate(round[b]![k]!));
  const mf = contenders.length - 1;
  const ceiling = contenders.length - 3;
  const ceilingSteps = contenders.length - 2;

  console.log(
    `\nmentorflow and its peers — ${os.cpus().length} CPU(s), ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, PostgreSQL ${rows[0]!.server_version}, ${pgbenchPath()}`,
  );
  console.log(
    `${rounds} rounds × ${concurrencies.join(' / ')} sessions × ${seconds} s per run, closed loop; ≤ 20 connections per contender`,
  );
  console.log(`load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${loadAfter}\n`);
  console.log(
    'contender        sessions  events/s   p50 ms  queries/event  cpu ms/event (client + pg)   × floor: median (range)   mentorflow ÷ bare Mastra   mentorflow ÷ LangGraph',
  );
  const goals: string[] = [];
  for (const [k, sessions] of concurrencies.entries()) {
    for (const [i, c] of contenders.entries()) {
      const perSecond = median(results.map((round) => rate(round[i]![k]!)));
      const p50 = median(results.map((round) => quantile(round[i]![k]!.latencies, 0.5)));
      const cpuClient = median(results.map((round) => round[i]![k]!.cpuClient));
      const pgs = results.map((round) => round[i]![k]!.cpuPostgres);
      const cpuPostgres = pgs.includes(null) ? '?' : median(pgs as number[]).toFixed(2);
      const cpu = `${cpuClient.toFixed(2)} + ${cpuPostgres}`;
      const trips = median(results.map((round) => round[i]![k]!.queries));
      const toFloor = i === 0 ? '1' : spread(ratios(i, 0, k));
      const toMastra = i === mf ? spread(ratios(mf, 1, k)) : '';
      const toLangGraph = i === mf ? spread(ratios(mf, 2, k)) : '';
      console.log(
        `${c.name.padEnd(16)} ${String(sessions).padStart(8)} ${perSecond.toFixed(0).padStart(9)} ${p50.toFixed(2).padStart(8)}  ${trips.toFixed(1).padStart(13)}  ${cpu.padStart(26)}   ${toFloor.padEnd(24)}  ${toMastra.padEnd(25)}  ${toLangGraph}`,
      );
      if (i === mf) {
        const floor = median(ratios(mf, 0, k));
        const mastra = median(ratios(mf, 1, k));
        const langGraph = median(ratios(mf, 2, k));
        const label = sessions === 1 ? '1 session' : `${sessions} sessions`;
        const top = median(ratios(ceiling, 0, k));
        const topSteps = median(ratios(ceilingSteps, 0, k));
        if (sessions !== 1)
          goals.push(
            `${label}: ${floor.toFixed(2)}× floor (goal ≥ 0.5: ${floor >= 0.5 ? 'met' : 'not met'}; a Mastra run per event reaches at most ${top.toFixed(2)}× with 1 step, ${topSteps.toFixed(2)}× with 4)`,
          );
        goals.push(
          `${label}: ${mastra.toFixed(2)}× bare Mastra (goal ≥ 1.5: ${mastra >= 1.5 ? 'met' : 'not met'}), ${langGraph.toFixed(2)}× LangGraph (goal ≥ 5: ${langGraph >= 5 ? 'met' : 'not met'})`,
        );
        if (sessions === 1)
          goals.push(
            `1 session: p50 ${p50.toFixed(2)} ms (goal ≤ 3 ms: ${p50 <= 3 ? 'met' : 'not met'})`,
          );
      }
    }
    console.log('');
  }
  console.log('goals (medians of the within-round ratios):');
  for (const line of goals) console.log(`  ${line}`);
  // Each peer did the event's work: one transition row per event it counted.
  const written = await pool.query<{ range: number; count: string }>(
    'select session_id / 100000 as range, count(*) from peer_transitions group by 1 order by 1',
  );
  console.log(
    `transition rows written (warm-up included): ${written.rows.map((w) => `${contenders[w.range]!.name} ${w.count}`).join(', ')}`,
  );
} finally {
  for (const c of contenders) await c.close().catch((e) => console.error(e));
  await pool.end();
  // A contender's library may keep an idle connection without an error listener (Mastra's store
  // pool after shutdown); the forced drop terminates it (57P01), which is expected here.
  process.on('uncaughtException', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
process.exit(0);
