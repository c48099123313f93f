/**
 * HTTP fuzzing of every route the server answers (mentorflow's own and Mastra's standard API):
 * valid-ish requests built from the routes' own schemas plus hostile mutations (wrong types, huge
 * strings, NUL and lone surrogates, deep nesting, prototype-property ids, non-object bodies, wrong
 * content types, emoji, 10k-element arrays, unknown fields), the generator of
 * test/fuzz/routes.fuzz.test.ts run longer. Prints the counts that must be zero and exits 1 when
 * one is not: 5xx answers, requests that timed out, /health probes slower than 1 s (stalls), error
 * bodies outside `{ error: { code, message, field? } }`, 4xx answers naming another field than the
 * one sent, rejected requests that changed the database. See bench/README.md.
 *
 *   npm run fuzz                                 10,000 requests against a server started here
 *   npm run fuzz -- --count 2000 --seed 7
 *   npm run fuzz -- --url http://127.0.0.1:4111 --key <operator> --learner-key <learner key>
 *                   [--database-url <its DATABASE_URL, for the state check>]
 *   npm run fuzz -- --json report.json           also write every finding
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { startServer } from '../test/helpers/spawn-cli.ts';
import {
  describeFinding,
  discoverOperations,
  failures,
  prepareFixtures,
  runFuzz,
} from '../test/fuzz/harness.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20240611' },
    url: { type: 'string' },
    key: { type: 'string' },
    'learner-key': { type: 'string' },
    'database-url': { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    /** Restart the server this script started when a request brings it down, and go on. */
    'restart-on-crash': { type: 'boolean', default: false },
  },
});
const count = Number(args.count);
const seed = Number(args.seed);
const learnerId = 'fuzz-learner';
process.env.MASTRA_TELEMETRY_DISABLED = '1';

let url = args.url;
let keys = {
  operator: args.key ?? 'fuzz-operator',
  learner: args['learner-key'] ?? `fuzz-learner-key`,
};
let databaseUrl = args['database-url'];
let cleanup = async () => {};
let restart: (() => Promise<void>) | undefined;

if (!url) {
  // A database of its own (on DATABASE_URL's server, else the embedded one under .data/bench) and a
  // server process on a free port, in rules mode.
  const admin = await openDatabase(
    { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: '.data/bench' },
    { max: 2 },
  );
  const name = `mentorflow_fuzz_${randomBytes(4).toString('hex')}`;
  await admin.pool.query(`create database "${name}"`);
  const dbUrl = new URL(admin.url);
  dbUrl.pathname = `/${name}`;
  databaseUrl = dbUrl.toString();
  keys = { operator: 'fuzz-operator', learner: 'fuzz-learner-key' };
  const env = {
    DATABASE_URL: databaseUrl,
    MENTORFLOW_API_KEYS: `${keys.operator},${keys.learner}:${learnerId}`,
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    WEBHOOK_SECRET: 'fuzz-secret',
    LOG_LEVEL: 'error',
    MASTRA_TELEMETRY_DISABLED: '1',
  };
  let server = await startServer(env);
  url = server.url;
  if (args['restart-on-crash']) {
    restart = async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await server.exited;
      server = await startServer({ ...env, PORT: new URL(url!).port });
      process.stderr.write(`\nserver restarted after a crash\n`);
    };
  }
  cleanup = async () => {
    server.child.kill('SIGTERM');
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5000))]);
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await admin.pool.query(`drop database if exists "${name}" with (force)`);
    await admin.close();
  };
}

try {
  const operations = await discoverOperations(url, keys);
  const fixtures = await prepareFixtures(url, keys, learnerId);
  console.log(
    `fuzzing ${url}: ${operations.length} routes, ${count} requests, seed ${seed}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const report = await runFuzz(
    {
      url,
      keys,
      count,
      seed,
      concurrency: Number(args.concurrency),
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(restart ? { restart } : {}),
      log: args.quiet ? undefined : (line) => process.stderr.write(`\r${line}   `),
    },
    operations,
    fixtures,
  );
  process.stderr.write('\n');
  const shown = new Map<string, string>();
  for (const f of report.findings) {
    // One example per kind, mutation and route.
    const key = `${f.kind} ${f.outcome.request.mutation} ${f.outcome.request.operation} ${f.outcome.status}`;
    if (!shown.has(key)) shown.set(key, describeFinding(f));
  }
  for (const line of shown.values()) console.log(`  ${line}`);
  console.log(
    `\nstatus counts: ${Object.entries(report.byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  console.log(`
requests                    ${report.requests} in ${report.seconds} s (load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})
server crashed              ${report.crashes ? `${report.crashes} time(s)${restart ? ', restarted each time' : ' (run stopped there)'}` : 'no'}
5xx answers                 ${report.serverErrors}
timeouts (no answer 20 s)   ${report.timeouts}
stalls (/health > 1 s)      ${report.stalls} of ${report.healthProbes} probes, slowest ${Number.isFinite(report.maxHealthMs) ? `${report.maxHealthMs} ms` : 'no answer'}${report.healthFailures.length ? `\n  ${report.healthFailures.length} probes got no answer, first: ${report.healthFailures.slice(0, 2).join('; ')}` : ''}
error bodies not our shape  ${report.badShapes}
4xx naming another field    ${report.wrongFields}
rejected, changed state     ${report.stateChanges} (${databaseUrl ? `${report.stateChecked} rejected requests checked` : 'not checked: no --database-url'})`);
  if (args.json) {
    const findings = report.findings.map((f) => {
      const { method, url: path, headers, body } = f.outcome.request;
      return {
        finding: describeFinding(f),
        request: {
          method,
          url: path,
          headers,
          ...(body !== undefined ? { body: body.slice(0, 20_000) } : {}),
        },
      };
    });
    writeFileSync(args.json, JSON.stringify({ ...report, findings }, null, 2));
  }
  process.exitCode = failures(report) > 0 ? 1 : 0;
} finally {
  await cleanup();
}
