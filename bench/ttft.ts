/**
 * Time to first token at the client: the product in-process on a free port, the hint giver on the
 * local fake OpenAI-compatible server streaming slowly (first text after `--first` ms, then one
 * 16-character chunk every `--chunk` ms), every other agent in rules mode. For each of `--n`
 * sessions brought to START_IMPLEMENTATION, one learner message asking for a hint is posted to
 * `POST /api/sessions/:id/messages` with `accept: text/event-stream`; the client notes when its
 * first `token` event arrives, the fake server when that request arrived and when it wrote its first
 * text chunk. Prints p50 / p95 of client TTFT, of the model's own TTFT (arrival → first chunk), and
 * of their difference, split into the turn's work before the model call and the way from the
 * model's chunk to the client's token (goal: difference ≤ 50 ms).
 * No assertions: bench/README.md says what the figures mean.
 *
 *   npm run bench:ttft                        20 messages, first chunk after 300 ms, 20 ms per chunk
 *   npm run bench:ttft -- --n 50 --first 500 --chunk 20
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { startFakeOpenAIServer } from '../test/helpers/fake-openai-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('n', 20);
const firstMs = option('first', 300);
const chunkMs = option('chunk', 20);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = load();

// The hint giver's structured answer, its learner-facing `reply` first so the model's first text
// chunk already carries reply text: the two first-token times then measure the same moment.
const hint = {
  reply:
    'Think about the running total: reduce hands it from one item to the next. What should it start at when the cart is empty?',
  depth: 2,
  concept: 'array-reduce',
  hint: 'Look at how reduce carries a running total.',
  question: 'What should the total start at?',
};
const fake = await startFakeOpenAIServer({
  // delayMs before the answer starts, then chunkDelayMs before each SSE event: the first text
  // chunk (after the role event) goes out at about firstMs.
  respond: {
    json: hint,
    delayMs: Math.max(0, firstMs - chunkMs),
    chunkDelayMs: chunkMs,
    chunkSize: 16,
  },
});

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
const name = `mentorflow_ttft_${randomBytes(4).toString('hex')}`;
await admin.query(`create database "${name}"`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
Object.assign(process.env, {
  DATABASE_URL: url.toString(),
  MODEL: 'rules/auto',
  MODEL_HINT_GIVER: 'openai/gpt-4o-mini',
  OPENAI_BASE_URL: fake.baseURL,
  OPENAI_API_KEY: 'test',
  MENTORFLOW_API_KEYS: '',
  LOG_LEVEL: 'error',
  MASTRA_TELEMETRY_DISABLED: '1',
});

const { createApp } = await import('../src/app.ts');
const { loadConfig } = await import('../src/config/index.ts');
const { serverConfig } = await import('../src/http/server-config.ts');
const { normaliseErrorBodies } = await import('../src/http/json-errors.ts');
const { createHttpApp } = await import('../src/app/http-app.ts');
const { listen } = await import('../src/app/listen.ts');
const app = await createApp(loadConfig(process.env, { HOST: '127.0.0.1', PORT: '0' }), {
  server: serverConfig,
});
const http = await createHttpApp(app.mastra, {
  frameworkPublic: [normaliseErrorBodies(app.logger)],
});
const server = await listen(http, '127.0.0.1', 0);
const api = `${server.url}/api`;

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A session at START_IMPLEMENTATION: restatement and plan accepted (rules mode). */
async function implementing(i: number): Promise<string> {
  const session = await post('/sessions', {
    learnerId: `ttft-${i}`,
    story: {
      title: 'Add a cart total',
      description: 'Show the total price of the items in the shopping cart.',
      acceptanceCriteria: ['The total sums the item prices', 'An empty cart has a total of zero'],
      complexity: 'simple',
      referenceSolution: 'export const total = (items) => items.reduce((s, i) => s + i.price, 0);',
    },
  });
  const id = session.id as string;
  await post(`/sessions/${id}/messages`, {
    text: 'I must show the total price of the cart items: the total sums the item prices and an empty cart total is zero.',
  });
  const planned = await post(`/sessions/${id}/messages`, {
    text: '1. Write a failing test for the total\n2. Sum the item prices\n3. Handle the empty cart as zero',
  });
  const state = (planned.session as { state?: string } | undefined)?.state;
  if (state !== 'START_IMPLEMENTATION') throw new Error(`session ${id} is in ${state}`);
  return id;
}

interface Sample {
  /** Client: request → first `token` event. */
  client: number;
  /** The model's own time to first token: its request's arrival → its first text chunk. */
  model: number;
  /** Client's request → the model's request arriving: the turn's work before the call. */
  beforeCall: number;
  /** Client's request → the `accepted` event (the message stored in the inbox). */
  accepted: number;
  /** The model's first text chunk → the client's first token: stream, guard, SSE. */
  afterChunk: number;
  events: string[];
}

/** Posts the hint request as SSE; times from the request to the first `token` event and to the model's first chunk. */
async function ask(id: string): Promise<Sample> {
  const before = fake.requests.length;
  const started = performance.now();
  const res = await fetch(`${api}/sessions/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ text: "I'm stuck, can you give me a hint?" }),
  });
  if (!res.ok || !res.body) throw new Error(`messages: ${res.status}`);
  let firstToken: number | undefined;
  let accepted: number | undefined;
  const events: string[] = [];
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const event = /^event: (.*)$/m.exec(buffer.slice(0, end))?.[1] ?? 'message';
      if (event === 'token' && firstToken === undefined) firstToken = performance.now();
      if (event === 'accepted' && accepted === undefined) accepted = performance.now();
      events.push(event);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
  const calls = fake.requests.slice(before).filter((r) => r.firstContentAt !== undefined);
  if (firstToken === undefined || accepted === undefined || calls.length !== 1)
    throw new Error(
      `no live token or not one streamed model call (${calls.length}): ${events.join(' ')}`,
    );
  const call = calls[0]!;
  return {
    client: firstToken - started,
    model: call.firstContentAt! - call.receivedAt,
    beforeCall: call.receivedAt - started,
    accepted: accepted - started,
    afterChunk: firstToken - call.firstContentAt!,
    events,
  };
}

const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};

try {
  const ids: string[] = [];
  for (let i = 0; i <= count; i++) ids.push(await implementing(i));
  await ask(ids.pop()!); // warm-up: first model call, connections, JIT
  const samples: Sample[] = [];
  for (const id of ids) samples.push(await ask(id));
  const loadAfter = load();
  const line = (label: string, values: number[]) =>
    console.log(
      `${label.padEnd(44)} p50 ${quantile(values, 0.5).toFixed(1).padStart(7)} ms   p95 ${quantile(values, 0.95).toFixed(1).padStart(7)} ms`,
    );
  console.log(
    `\ntime to first token — ${os.cpus().length} CPU(s), Node ${process.version}; ${samples.length} hint requests over SSE, one session each; the fake model's first text after ~${firstMs} ms, then 16 characters every ${chunkMs} ms`,
  );
  console.log(`load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${loadAfter}\n`);
  line(
    'client: request → first token',
    samples.map((s) => s.client),
  );
  line(
    "model's own: its request → its first chunk",
    samples.map((s) => s.model),
  );
  const overhead = samples.map((s) => s.client - s.model);
  line('client − model (what the product adds)', overhead);
  line(
    '  of which: request → model called',
    samples.map((s) => s.beforeCall),
  );
  line(
    '    (request → accepted event)',
    samples.map((s) => s.accepted),
  );
  line(
    '  of which: model chunk → client token',
    samples.map((s) => s.afterChunk),
  );
  const p50 = quantile(overhead, 0.5);
  const p95 = quantile(overhead, 0.95);
  console.log(
    `\ngoal: the model's own first-token time + ≤ 50 ms — p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms: ${p50 <= 50 ? 'met' : 'not met'} at p50, ${p95 <= 50 ? 'met' : 'not met'} at p95`,
  );
  console.log(`events of one answer: ${samples[0]!.events.join(' ')}`);
} finally {
  await server.close(1000);
  await app.close();
  await fake.close();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
process.exit(0);
