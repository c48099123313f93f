import http from 'node:http';
import pg from 'pg';
import {
  generateRequests,
  operationsOf,
  type FuzzRequest,
  type Fixtures,
  type Keys,
  type Operation,
} from './requests.ts';

/*
 * Runs generated requests against a live server and judges the answers. Shared by
 * test/fuzz/routes.fuzz.test.ts (bounded) and bench/fuzz.ts (long).
 */

/** What one request got. */
export interface Outcome {
  request: FuzzRequest;
  status: number;
  ms: number;
  /** Parsed JSON body of an error answer. */
  error?: unknown;
  /** First bytes of the answer, for the report. */
  text: string;
  timedOut?: boolean;
}

/** Why an outcome failed the goal. */
export type Finding =
  | { kind: '5xx'; outcome: Outcome }
  | { kind: 'timeout'; outcome: Outcome }
  | { kind: 'bad-shape'; outcome: Outcome; reason: string }
  | { kind: 'wrong-field'; outcome: Outcome; field: string | undefined; expected: string[] }
  | { kind: 'state-change'; outcome: Outcome; tables: string[] }
  /** The server stopped answering: one of the requests in flight (all listed) brought it down. */
  | { kind: 'crash'; outcome: Outcome; inFlight: FuzzRequest[] };

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  /** Answers by mutation: `body.wrong-type 400: 57`. */
  byMutation: Record<string, Record<string, number>>;
  serverErrors: number;
  timeouts: number;
  badShapes: number;
  wrongFields: number;
  stateChanges: number;
  /** 1 when the server stopped answering (the run ends there). */
  crashes: number;
  /** Health probes slower than 1 s, the slowest probe, and how many probes ran. */
  stalls: number;
  maxHealthMs: number;
  healthProbes: number;
  /** Probes that got no answer (or not 200): when and why. */
  healthFailures: string[];
  /** Rejected requests whose effect on the database was checked (0 without a database URL). */
  stateChecked: number;
  findings: Finding[];
  seconds: number;
}

export interface FuzzOptions {
  url: string;
  keys: Keys;
  count: number;
  seed: number;
  /** The server's database, for the state fingerprint; omitted → no state check. */
  databaseUrl?: string;
  concurrency?: number;
  /** Per-request limit (a slower answer is a finding). */
  timeoutMs?: number;
  /** A health probe slower than this is a stall. */
  stallMs?: number;
  /**
   * Bring the server back after it went down (same URL), and go on: every crash is counted, the
   * run covers all requests. Without it the run ends at the first crash.
   */
  restart?: () => Promise<void>;
  log?: (line: string) => void;
}

/** The ERROR codes of src/errors/app-error.ts: the only codes an error body may carry. */
const errorCodes = new Set([
  'VALIDATION_ERROR',
  'INVALID_JSON',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'GUARD_REJECTED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'CONFIG_ERROR',
  'DATABASE_ERROR',
  'MODEL_ERROR',
  'INTERNAL',
]);

/** Tables whose rows change without a request: worker heartbeats, the boot log. */
const backgroundTables = new Set(['timer_workers', 'boot_log', 'migrations', 'schema_migrations']);

export async function fetchJson<T>(
  url: string,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Both documented route lists: mentorflow's own and Mastra's standard API. */
export async function discoverOperations(url: string, keys: Keys): Promise<Operation[]> {
  const auth = { authorization: `Bearer ${keys.operator}` };
  const ours = await fetchJson<Parameters<typeof operationsOf>[0]>(
    `${url}/api/mentorflow/openapi.json`,
    auth,
  );
  const mastras = await fetchJson<Parameters<typeof operationsOf>[0]>(
    `${url}/api/openapi.json`,
    auth,
  );
  return [...operationsOf(ours, 'mentorflow'), ...operationsOf(mastras, 'mastra')];
}

/**
 * Objects for valid-ish requests to reach: the registered agents, workflows, tools, processors and
 * scorers, plus a session, a memory thread and a workflow run created here.
 */
export async function prepareFixtures(
  url: string,
  keys: Keys,
  learnerId: string,
): Promise<Fixtures> {
  const auth = { authorization: `Bearer ${keys.operator}`, 'content-type': 'application/json' };
  const ids = async (path: string) =>
    Object.keys(await fetchJson<Record<string, unknown>>(`${url}${path}`, auth));
  const agentIds = await ids('/api/agents');
  const workflowIds = await ids('/api/workflows');
  const toolIds = await ids('/api/tools');
  const processorIds = await ids('/api/processors');
  const scorerIds = await ids('/api/scores/scorers');
  const session = await fetchJson<{ id: string }>(`${url}/api/sessions`, auth, {
    method: 'POST',
    body: JSON.stringify({
      learnerId,
      story: {
        title: 'Add a cart total',
        description: 'Show the total price of the cart items.',
        acceptanceCriteria: ['The total sums the item prices'],
      },
    }),
  });
  const thread = await fetchJson<{ id: string }>(
    `${url}/api/memory/threads?agentId=${encodeURIComponent(agentIds[0]!)}`,
    auth,
    {
      method: 'POST',
      body: JSON.stringify({ resourceId: learnerId, title: 'fuzz thread' }),
    },
  );
  const systemCheck = workflowIds.find((id) => /system/i.test(id)) ?? workflowIds[0]!;
  const run = await fetchJson<{ runId: string }>(
    `${url}/api/workflows/${systemCheck}/create-run`,
    auth,
    { method: 'POST', body: '{}' },
  );
  const runId = run.runId;
  await fetchJson(`${url}/api/workflows/${systemCheck}/start-async?runId=${runId}`, auth, {
    method: 'POST',
    body: JSON.stringify({ inputData: {} }),
  });
  return {
    known: {
      agentId: agentIds,
      workflowId: workflowIds,
      toolId: toolIds,
      processorId: processorIds,
      scorerId: scorerIds,
      threadId: [thread.id],
      resourceId: [learnerId],
      runId: [runId],
      sessionId: [session.id],
      learnerId: [learnerId],
    },
    byTemplate: {
      '/api/sessions/{id}': { id: [session.id] },
      '/api/sessions/{id}/events': { id: [session.id] },
      '/api/sessions/{id}/messages': { id: [session.id] },
      '/api/sessions/{id}/transitions': { id: [session.id] },
      '/api/sessions/{id}/inbox': { id: [session.id] },
      '/api/learners/{id}/sessions': { id: [learnerId] },
    },
  };
}

/** A fingerprint of every application table: row count and a hash of the rows, per table. */
export class StateFingerprint {
  readonly #client: pg.Client;
  #sql = '';

  constructor(databaseUrl: string) {
    this.#client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'mentorflow-fuzz',
    });
  }

  async open(): Promise<void> {
    await this.#client.connect();
    const tables = await this.#client.query<{ name: string }>(
      "select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_private%' order by 1",
    );
    this.#sql = tables.rows
      .filter((t) => !backgroundTables.has(t.name))
      .map(
        (t) =>
          `select '${t.name}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as f from ${t.name} x`,
      )
      .join(' union all ');
  }

  async take(): Promise<Map<string, string>> {
    const result = await this.#client.query<{ t: string; f: string }>(this.#sql);
    return new Map(result.rows.map((r) => [r.t, r.f]));
  }

  /** Wait (up to `maxMs`) until two fingerprints 200 ms apart agree: background work has settled. */
  async settle(maxMs = 5000): Promise<Map<string, string>> {
    const end = Date.now() + maxMs;
    let last = await this.take();
    for (;;) {
      await sleep(200);
      const next = await this.take();
      if (changed(last, next).length === 0 || Date.now() > end) return next;
      last = next;
    }
  }

  close(): Promise<void> {
    return this.#client.end();
  }
}

export function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...b.keys()].filter((k) => a.get(k) !== b.get(k));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send one request; streams are read for at most 2 s / 256 KB. */
export async function send(url: string, request: FuzzRequest, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url + request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: controller.signal,
      redirect: 'manual',
    });
    const type = res.headers.get('content-type') ?? '';
    let text = '';
    if (res.status >= 400 || type.includes('json')) {
      text = await res.text();
    } else if (res.body) {
      // Streams (SSE, chunked text) may never end: read a little, then hang up.
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const stop = setTimeout(() => void reader.cancel().catch(() => undefined), 2000);
      try {
        while (text.length < 256 * 1024) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        /* cancelled */
      } finally {
        clearTimeout(stop);
        await reader.cancel().catch(() => undefined);
      }
    }
    let error: unknown;
    if (res.status >= 400) {
      try {
        error = JSON.parse(text);
      } catch {
        error = undefined;
      }
    }
    return {
      request,
      status: res.status,
      ms: performance.now() - started,
      text: text.slice(0, 300),
      ...(error !== undefined ? { error } : {}),
    };
  } catch (cause) {
    const timedOut = controller.signal.aborted;
    return {
      request,
      status: 0,
      ms: performance.now() - started,
      text: timedOut ? 'timed out' : String((cause as Error).cause ?? cause),
      timedOut,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Send, and once more when the connection closed without an answer (a server may hang up on a body
 * it refused before reading it all): only a request that fails twice, or times out, is a finding.
 */
async function sendOnce(url: string, request: FuzzRequest, timeoutMs: number): Promise<Outcome> {
  const first = await send(url, request, timeoutMs);
  return first.status === 0 && !first.timedOut ? send(url, request, timeoutMs) : first;
}

/** Why an error body is not `{ error: { code, message, field? } }` with a known code, or undefined. */
export function shapeProblem(outcome: Outcome): string | undefined {
  const body = outcome.error as
    | { error?: { code?: unknown; message?: unknown; field?: unknown } }
    | undefined;
  if (body === undefined) return `not JSON: ${outcome.text.slice(0, 80)}`;
  const e = body?.error;
  if (!e || typeof e !== 'object') return 'no error object';
  if (typeof e.code !== 'string' || !errorCodes.has(e.code))
    return `code ${JSON.stringify(e.code)}`;
  if (typeof e.message !== 'string' || !e.message) return 'no message';
  if (e.field !== undefined && (typeof e.field !== 'string' || !e.field))
    return `field ${JSON.stringify(e.field)}`;
  return undefined;
}

/** The field an error body names. */
export function fieldOf(outcome: Outcome): string | undefined {
  const field = (outcome.error as { error?: { field?: unknown } } | undefined)?.error?.field;
  return typeof field === 'string' ? field : undefined;
}

/** Every field an error body names: `field` and those of `issues`. */
export function fieldsOf(outcome: Outcome): string[] {
  const error = (
    outcome.error as { error?: { field?: unknown; issues?: { field?: unknown }[] } } | undefined
  )?.error;
  const fields = [
    error?.field,
    ...(Array.isArray(error?.issues) ? error.issues.map((i) => i?.field) : []),
  ];
  return fields.filter((f): f is string => typeof f === 'string');
}

/** Whether `field` names one of `expected`, something inside one, or (not for roots) an enclosing field. */
export function namesExpected(field: string, expected: string[]): boolean {
  return expected.some(
    (e) =>
      field === e ||
      field.startsWith(`${e}.`) ||
      (e.startsWith(`${field}.`) && !['body', 'query'].includes(field)),
  );
}

/** Names no client sends: zod's and Mastra's placeholders for "the value itself" or "somewhere". */
const placeholderField = /^(root|unknown)(\.|$)/;

/** Every field a request sent, by the names the API uses: `a.b.0` in the body, `query.x`, `path.x`. */
export function sentFields(request: FuzzRequest): Set<string> {
  const fields = new Set<string>();
  const url = new URL(request.url, 'http://x');
  for (const name of url.searchParams.keys()) fields.add(`query.${name}`);
  for (const [, name] of request.operation.matchAll(/\{(\w+)\}/g)) fields.add(`path.${name}`);
  let body: unknown;
  try {
    body = request.body === undefined ? undefined : JSON.parse(request.body);
  } catch {
    body = undefined;
  }
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const field = prefix ? `${prefix}.${key}` : key;
      fields.add(field);
      walk(inner, field, depth + 1);
    }
  };
  walk(body, '', 0);
  return fields;
}

/** Whether the request sent `field` or something enclosing it (`memory` for `memory.thread.id`). */
function sent(field: string, request: FuzzRequest): boolean {
  const fields = sentFields(request);
  const parts = field.split('.');
  for (let i = parts.length; i > 0; i--) if (fields.has(parts.slice(0, i).join('.'))) return true;
  // A URL parameter named without its `query.` / `path.` prefix.
  return fields.has(`query.${field}`) || fields.has(`path.${field}`);
}

/**
 * Whether a 4xx answer names the wrong field. Wrong: a placeholder name (`root`, `unknown`), or, for
 * a mutation whose field is known, a field the client sent that is not the mutated one, unless the
 * unmutated request is refused naming that same field. A field the client did not send at all (a
 * missing required one) is not determinable. `base` is looked up (sent) only when needed.
 */
export async function wrongField(
  outcome: Outcome,
  base: () => Promise<Outcome | undefined>,
): Promise<string[] | undefined> {
  const field = fieldOf(outcome);
  if (field === undefined) return undefined;
  if (placeholderField.test(field)) return outcome.request.fields ?? ['(a field the client sent)'];
  const expected = outcome.request.fields;
  if (!expected || ![400, 413, 415, 422].includes(outcome.status)) return undefined;
  if (namesExpected(field, expected) || !sent(field, outcome.request)) return undefined;
  const refused = await base();
  if (!refused || refused.status === 0) return undefined;
  // The unmutated request has the same fault (a mutation may fix the base's first fault and reveal the next).
  if (refused.status >= 400 && refused.status < 500 && fieldsOf(refused).includes(field))
    return undefined;
  return expected;
}

/**
 * One GET /health on a connection of its own (not fetch's pool, where a connection the server just
 * closed after refusing an upload could be picked up): undefined when it answered 200, else why not.
 */
function healthOnce(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/health`, { agent: false, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? undefined : `status ${res.statusCode}`));
      res.on('error', (error) => resolve(String(error)));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.on('error', (error) => resolve(String(error)));
  });
}

/** Probe `/health` every 100 ms until stopped, recording each latency. */
function healthProbe(url: string, stallMs: number) {
  let running = true;
  const latencies: number[] = [];
  const failed: string[] = [];
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const problem = await healthOnce(url);
      const ok = problem === undefined;
      if (!ok) failed.push(`${new Date().toISOString()} ${problem}`);
      // A failed probe counts as a stall whatever its latency.
      latencies.push(ok ? performance.now() - started : Number.POSITIVE_INFINITY);
      await sleep(100);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return {
        stalls: latencies.filter((l) => l > stallMs).length,
        max: latencies.reduce((a, b) => Math.max(a, b), 0),
        probes: latencies.length,
        failed,
      };
    },
  };
}

class ServerDown extends Error {}

async function healthy(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).ok) return true;
    } catch {
      /* try again */
    }
    await sleep(500);
  }
  return false;
}

const isRejected = (o: Outcome) => o.status >= 400 && o.status < 500;

/**
 * Generate `count` requests from `seed` and send them, `concurrency` at a time, with a parallel
 * `/health` probe. Valid-ish requests go first in each slice of 64 (they may change state); the
 * hostile ones follow in batches whose database fingerprint is compared before and after: a batch
 * that changed it has each rejected request replayed alone, on a settled database, to find the one.
 */
export async function runFuzz(
  options: FuzzOptions,
  operations: Operation[],
  fixtures: Fixtures,
): Promise<FuzzReport> {
  const {
    url,
    keys,
    count,
    seed,
    concurrency = 4,
    timeoutMs = 20_000,
    stallMs = 1000,
    log = () => undefined,
  } = options;
  const started = performance.now();
  const requests = generateRequests(operations, fixtures, keys, count, seed);
  const fingerprint = options.databaseUrl ? new StateFingerprint(options.databaseUrl) : undefined;
  await fingerprint?.open();
  const probe = healthProbe(url, stallMs);
  const outcomes: Outcome[] = [];
  const findings: Finding[] = [];
  const baseOutcomes = new Map<FuzzRequest, Outcome>();
  let stateChecked = 0;
  let health = { stalls: 0, max: 0, probes: 0, failed: [] as string[] };

  let previous: FuzzRequest[] = [];
  const runAll = async (batch: FuzzRequest[]) => {
    const results: Outcome[] = [];
    for (let i = 0; i < batch.length; i += concurrency) {
      const part = batch.slice(i, i + concurrency);
      const answers = await Promise.all(part.map((r) => sendOnce(url, r, timeoutMs)));
      if (answers.every((o) => o.status === 0 && !o.timedOut) && !(await healthy(url))) {
        // Down: one of these, or of the batch before (its effect may come late), killed it.
        findings.push({ kind: 'crash', outcome: answers[0]!, inFlight: [...previous, ...part] });
        if (!options.restart) throw new ServerDown();
        await options.restart();
        previous = [];
        continue;
      }
      previous = part;
      results.push(...answers);
    }
    return results;
  };

  try {
    for (
      let i = 0;
      i < requests.length && (options.restart || !findings.some((f) => f.kind === 'crash'));
      i += 64
    ) {
      const slice = requests.slice(i, i + 64);
      const valid = slice.filter((r) => r.mutation === 'base');
      const hostile = slice.filter((r) => r.mutation !== 'base');
      for (const o of await runAll(valid)) {
        outcomes.push(o);
        baseOutcomes.set(o.request, o);
      }
      let before = fingerprint ? await fingerprint.settle() : undefined;
      for (let j = 0; j < hostile.length; j += concurrency) {
        const batch = await runAll(hostile.slice(j, j + concurrency));
        outcomes.push(...batch);
        if (!fingerprint || !before) continue;
        const after = await fingerprint.take();
        const rejected = batch.filter(isRejected);
        stateChecked += rejected.length;
        if (changed(before, after).length && rejected.length) {
          // Someone changed something: replay each rejected request alone on a settled database.
          for (const o of rejected) {
            const quiet = await fingerprint.settle();
            const replay = await send(url, o.request, timeoutMs);
            const tables = changed(quiet, await fingerprint.take());
            if (isRejected(replay) && tables.length) {
              // Background work may coincide: it counts only if the change is there once things settle.
              const settled = await fingerprint.settle();
              const stillChanged = changed(quiet, settled);
              if (stillChanged.length)
                findings.push({ kind: 'state-change', outcome: replay, tables: stillChanged });
            }
          }
          before = await fingerprint.settle();
        } else {
          before = after;
        }
      }
      log(`${Math.min(i + 64, requests.length)}/${requests.length} requests`);
    }
  } catch (error) {
    if (!(error instanceof ServerDown)) throw error;
  } finally {
    health = await probe.stop();
    await fingerprint?.close();
  }

  // Judge.
  const crashed = !options.restart && findings.some((f) => f.kind === 'crash');
  const byStatus: Record<string, number> = {};
  const byMutation: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const m = (byMutation[o.request.mutation] ??= {});
    m[o.status] = (m[o.status] ?? 0) + 1;
    if (o.timedOut || o.status === 0) findings.push({ kind: 'timeout', outcome: o });
    else if (o.status >= 500) findings.push({ kind: '5xx', outcome: o });
    if (o.status >= 400) {
      const problem = shapeProblem(o);
      if (problem) findings.push({ kind: 'bad-shape', outcome: o, reason: problem });
    }
    if (isRejected(o)) {
      const base = o.request.base;
      const expected = await wrongField(o, async () => {
        if (!base || crashed) return undefined;
        let known = baseOutcomes.get(base);
        if (!known) baseOutcomes.set(base, (known = await send(url, base, timeoutMs)));
        return known;
      });
      if (expected) findings.push({ kind: 'wrong-field', outcome: o, field: fieldOf(o), expected });
    }
  }
  const countOf = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).length;
  return {
    requests: outcomes.length,
    byStatus,
    byMutation,
    serverErrors: countOf('5xx'),
    timeouts: countOf('timeout'),
    badShapes: countOf('bad-shape'),
    wrongFields: countOf('wrong-field'),
    stateChanges: countOf('state-change'),
    crashes: countOf('crash'),
    stalls: health.stalls,
    maxHealthMs: Math.round(health.max),
    healthProbes: health.probes,
    healthFailures: health.failed,
    stateChecked,
    findings,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** One finding as a line a developer can replay with curl. */
export function describeFinding(f: Finding): string {
  const o = f.outcome;
  const r = o.request;
  const body =
    r.body === undefined
      ? ''
      : ` body=${r.body.length > 200 ? `${r.body.slice(0, 200)}…(${r.body.length} chars)` : r.body}`;
  const type =
    r.headers['content-type'] !== undefined
      ? ` type=${JSON.stringify(r.headers['content-type'])}`
      : '';
  const what =
    f.kind === 'wrong-field'
      ? `names ${f.field}, expected ${f.expected.join(' | ')}`
      : f.kind === 'bad-shape'
        ? f.reason
        : f.kind === 'state-change'
          ? `changed ${f.tables.join(', ')}`
          : f.kind === 'crash'
            ? `server down; in flight:\n    ${f.inFlight.map(describeRequest).join('\n    ')}`
            : '';
  const url = r.url.length > 200 ? `${r.url.slice(0, 200)}…(${r.url.length} chars)` : r.url;
  return `${f.kind} [${r.mutation}${r.target ? ` @${r.target}` : ''}] ${r.method} ${url} key=${r.key}${type}${body} → ${o.status} ${what} ${o.text.slice(0, 160)}`.trim();
}

function describeRequest(r: FuzzRequest): string {
  const body =
    r.body === undefined
      ? ''
      : ` body=${r.body.length > 200 ? `${r.body.slice(0, 200)}…(${r.body.length} chars)` : r.body}`;
  return `${r.method} ${r.url.slice(0, 200)}${r.headers['content-type'] !== undefined ? ` type=${JSON.stringify(r.headers['content-type'])}` : ''}${body}`;
}

/** The counts that must be zero. */
export function failures(report: FuzzReport): number {
  return (
    report.serverErrors +
    report.timeouts +
    report.badShapes +
    report.wrongFields +
    report.stateChanges +
    report.stalls +
    report.crashes
  );
}
