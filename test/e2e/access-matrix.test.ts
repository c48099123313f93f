import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { cartStory, restatement } from './support/cart-story.ts';

/**
 * The access matrix of docs/api.md ("Access"), cell by cell against one real server: every product
 * route and the Mastra standard routes a learner key could use to reach another conversation, for no
 * key, a wrong key, the operator key `op`, learnerA's key `ka` and learnerB's key `kb`.
 *
 * Sessions: A (learnerA, with a memory thread; learner keys only *attempt* things on it), A2
 * (learnerA's own session for ka's allowed writes), B (learnerB, kb's), O (learnerC, op's writes).
 */
const secret = 'matrix-webhook-secret';
const env = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TIME_SCALE: '1',
  WEBHOOK_SECRET: secret,
};
type Key = 'none' | 'wrong' | 'op' | 'ka' | 'kb';
const bearer: Record<Key, string | undefined> = {
  none: undefined,
  wrong: 'not-a-key',
  op: 'op',
  ka: 'ka',
  kb: 'kb',
};

interface Want {
  status: number;
  code?: string;
  field?: string;
  /** Text the response must contain (placeholders filled). */
  has?: string;
  /** 404 for another learner's session: compare with the same request for an unknown id. */
  asUnknown?: boolean;
}
interface Route {
  method: string;
  path: string;
  body?: unknown;
  note?: string;
  headers?: Record<string, string>;
  /** Webhook delivery signed with WEBHOOK_SECRET. */
  signed?: boolean;
  /** No API key involved (health, readiness, webhooks): no automatic 401 cells. */
  public?: boolean;
  want: Partial<Record<Key, Want | number>>;
}

const unauthorized: Want = { status: 401, code: 'UNAUTHORIZED', field: 'authorization' };
/** Mastra's auth provider refusing a learner key (authorizeUser). */
const denied: Want = { status: 403, code: 'FORBIDDEN' };
/** A product route for operator keys only. */
const operatorOnly: Want = { status: 403, code: 'FORBIDDEN', field: 'authorization' };
const notFound: Want = { status: 404, code: 'NOT_FOUND' };
const hidden: Want = { status: 404, code: 'NOT_FOUND', field: 'sessionId', asUnknown: true };
const forbiddenType: Want = { status: 403, code: 'FORBIDDEN', field: 'type' };
const forbiddenDecision: Want = { status: 403, code: 'FORBIDDEN', field: 'data.decision' };
const learnersDenied = { ka: denied, kb: denied };
const unsigned: Want = { status: 401, code: 'UNAUTHORIZED', field: 'x-mentorflow-signature' };
const notTheirs: Want = { status: 403, code: 'FORBIDDEN', field: 'learnerId' };
const learnersOperatorOnly = { ka: operatorOnly, kb: operatorOnly };
const badInput = (field?: string): Want => ({
  status: 400,
  code: 'VALIDATION_ERROR',
  ...(field ? { field } : {}),
});

const r = (
  method: string,
  path: string,
  want: Route['want'],
  more: Partial<Route> = {},
): Route => ({ method, path, want, ...more });
const event = (session: string, type: string, data: Record<string, unknown>, want: Route['want']) =>
  r('POST', `/api/sessions/{${session}}/events`, want, {
    body: { type, data },
    note: `${type}${data.decision ? ` ${data.decision}` : ''}`,
  });
const learnerEvents: [string, Record<string, unknown>][] = [
  ['help-request', { question: 'how do I start?' }],
  ['research', { query: 'Array.prototype.reduce' }],
  ['test-run', { failed: 1, passed: 0 }],
  ['build', { success: true }],
  ['lint', { errorCount: 0 }],
  ['typecheck', { errorCount: 0 }],
  ['coverage', { lines: 50 }],
  ['security-scan', { counts: { low: 0 } }],
  ['commit', { sha: 'a1', diffHash: 'd1' }],
  ['review-feedback', { decision: 'submitted', prUrl: 'https://git.example/pull/1' }],
  ['pause', {}],
  ['resume', {}],
  ['learner-message', { text: 'hello' }],
];
const mem = '?agentId={AGENT}';
const msg = (threadId: string, resourceId: string) => ({
  messages: [
    {
      ...{
        id: `m-${threadId}`,
        threadId,
        resourceId,
        role: 'user',
        type: 'text',
        createdAt: '2026-01-01T00:00:00Z',
      },
      content: { format: 2, parts: [{ type: 'text', text: 'injected' }] },
    },
  ],
});
const ask = (thread: string, resource: string) => ({
  messages: [{ role: 'user', content: 'what did I say?' }],
  memory: { thread, resource },
});
const runInput = {
  request: 'Build a cart total',
  requirements: ['sum the prices'],
  approval: false,
};
const ciDelivery = { sessionId: '{O}', type: 'test-run', data: { failed: 0, passed: 1 } };

const everyKey = (want: Want) => ({ none: want, wrong: want, op: want, ka: want, kb: want });

const routes: Route[] = [
  // Public
  r('GET', '/health', { none: 200, wrong: 200 }, { public: true }),
  r('GET', '/ready', { none: 200, wrong: 200 }, { public: true }),
  r(
    'POST',
    '/api/webhooks/ci',
    { none: 200, wrong: 200 },
    { public: true, signed: true, body: ciDelivery, note: 'signed' },
  ),
  r(
    'POST',
    '/api/webhooks/ci',
    { none: unsigned, op: unsigned, ka: unsigned },
    { public: true, body: ciDelivery, note: 'unsigned' },
  ),
  // Sessions
  r(
    'POST',
    '/api/sessions',
    { op: 201, ka: 201, kb: notTheirs },
    { body: { learnerId: 'learnerA', story: cartStory }, note: 'learnerA' },
  ),
  r(
    'POST',
    '/api/sessions',
    { kb: 201, ka: notTheirs },
    { body: { learnerId: 'learnerB', story: cartStory }, note: 'learnerB' },
  ),
  r('GET', '/api/sessions/{A}', { op: 200, ka: { status: 200, has: '{A}' }, kb: hidden }),
  r('GET', '/api/sessions/{UNKNOWN}', { op: 404, ka: 404, kb: 404 }),
  r('GET', '/api/sessions/{A}/transitions', { op: 200, ka: 200, kb: hidden }),
  r('GET', '/api/sessions/{A}/inbox', { op: 200, ka: 200, kb: hidden }),
  r('GET', '/api/learners/learnerA/sessions', {
    op: { status: 200, has: '{A}' },
    ka: { status: 200, has: '{A}' },
    kb: notFound,
  }),
  r('GET', '/api/learners/learnerB/sessions', { ka: notFound, kb: { status: 200, has: '{B}' } }),
  ...learnerEvents.map(([type, data]) => event('A2', type, data, { ka: 200 })),
  event('A2', 'goodPlan', {}, { ka: forbiddenType }),
  event('A', 'learner-message', { text: 'let me in' }, { kb: hidden }),
  event('A', 'cancel', {}, { ka: forbiddenType, kb: hidden }),
  event('A', 'correctUnderstanding', {}, { ka: forbiddenType, kb: hidden }),
  event('A', 'review-feedback', { decision: 'approved' }, { ka: forbiddenDecision, kb: hidden }),
  event('A', 'review-feedback', { decision: 'merged' }, { ka: forbiddenDecision }),
  event('B', 'test-run', { failed: 0, passed: 2 }, { kb: 200 }),
  event('B', 'review-feedback', { decision: 'approved' }, { kb: forbiddenDecision }),
  event('O', 'correctUnderstanding', {}, { op: 200 }),
  event('O', 'review-feedback', { decision: 'approved' }, { op: 200 }),
  r('POST', '/api/sessions/{A}/messages', { kb: hidden }, { body: { text: restatement } }),
  r('POST', '/api/sessions/{A2}/messages', { ka: 200 }, { body: { text: restatement } }),
  r('POST', '/api/sessions/{B}/messages', { kb: 200, ka: hidden }, { body: { text: restatement } }),
  r(
    'POST',
    '/api/sessions/{O}/messages',
    { op: 200 },
    { body: { text: 'a plan: 1. test 2. sum 3. empty' } },
  ),
  r('GET', '/api/mentorflow/openapi.json', { op: 200, ka: 200 }),
  // Implementation runs
  r(
    'POST',
    '/api/workflows/implementation',
    { op: { status: 202, has: '"duplicate":true' }, ...learnersOperatorOnly },
    {
      body: runInput,
      headers: { 'idempotency-key': 'matrix-run' },
    },
  ),
  r('GET', '/api/workflows/implementation/metrics', { op: 200, ...learnersOperatorOnly }),
  r('GET', '/api/workflows/{RUN}/status', {
    op: { status: 200, has: '{RUN}' },
    ...learnersOperatorOnly,
  }),
  r('GET', '/api/workflows/{RUN}/details', { op: 200, ...learnersOperatorOnly }),
  r('GET', '/api/workflows/{RUN}/events', { op: 200, ...learnersOperatorOnly }),
  r(
    'POST',
    '/api/workflows/{RUN}/approval',
    { op: { status: 409, code: 'CONFLICT' }, ...learnersOperatorOnly },
    { body: { approved: true } },
  ),
  r(
    'POST',
    '/api/workflows/wf_000000000000000000000000/restart',
    { op: notFound, ...learnersOperatorOnly },
    { body: { fromPhase: 'review' } },
  ),
  r(
    'POST',
    '/api/workflows/{WF}/restart',
    { op: badInput('query.runId'), ...learnersOperatorOnly },
    { body: {} },
  ),
  // User-defined workflows (issue 14): operator keys only.
  r('GET', '/api/workflow-definitions', { op: 200, ...learnersOperatorOnly }),
  r(
    'POST',
    '/api/workflow-definitions/validate',
    { op: badInput(), ...learnersOperatorOnly },
    { body: { id: 'matrix', steps: [] } },
  ),
  r(
    'POST',
    '/api/workflow-definitions',
    { op: badInput(), ...learnersOperatorOnly },
    { body: { id: 'matrix', steps: [] } },
  ),
  r('GET', '/api/workflow-definitions/matrix-missing', { op: notFound, ...learnersOperatorOnly }),
  r(
    'POST',
    '/api/workflow-definitions/matrix-missing/runs',
    { op: notFound, ...learnersOperatorOnly },
    { body: {} },
  ),
  r('GET', '/api/workflow-definitions/matrix-missing/analytics', {
    op: notFound,
    ...learnersOperatorOnly,
  }),
  r('GET', '/api/workflow-runs/wr_000000000000000000000000', {
    op: notFound,
    ...learnersOperatorOnly,
  }),
  r('POST', '/api/workflow-runs/wr_000000000000000000000000/cancel', {
    op: notFound,
    ...learnersOperatorOnly,
  }),
  r('GET', '/api/workflow-tasks', { op: 200, ...learnersOperatorOnly }),
  // Escalations, notifications and deliveries (issue 12): operator keys only.
  r('GET', '/api/escalations', { op: 200, ...learnersOperatorOnly }),
  r('GET', '/api/notifications', { op: 200, ...learnersOperatorOnly }),
  r('POST', '/api/deliveries/999999/retry', { op: notFound, ...learnersOperatorOnly }),
  // Mastra's standard API
  r('GET', '/api/agents', { op: { status: 200, has: '{AGENT}' }, ...learnersDenied }),
  r('GET', '/api/agents/{AGENT}', { op: 200, ...learnersDenied }),
  r('POST', '/api/agents/{AGENT}/generate', learnersDenied, {
    body: ask('{A}', 'learnerA'),
    note: "A's thread",
  }),
  r('POST', '/api/agents/{AGENT}/stream', learnersDenied, {
    body: ask('{A}', 'learnerA'),
    note: "A's thread",
  }),
  r(
    'POST',
    '/api/agents/{AGENT}/generate',
    { op: 200 },
    { body: ask('op-thread-gen', 'learnerC'), note: 'own thread' },
  ),
  r('GET', `/api/memory/threads?resourceId=learnerA&agentId={AGENT}`, {
    op: { status: 200, has: '{A}' },
    ...learnersDenied,
  }),
  r('GET', `/api/memory/threads/{A}${mem}`, {
    op: { status: 200, has: 'learnerA' },
    ...learnersDenied,
  }),
  r('GET', `/api/memory/threads/{A}/messages${mem}`, { op: 200, ...learnersDenied }),
  r('GET', `/api/memory/threads/{A}/working-memory${mem}&resourceId=learnerA`, {
    op: 200,
    ...learnersDenied,
  }),
  r('POST', `/api/memory/threads/{A}/working-memory${mem}`, learnersDenied, {
    body: { workingMemory: '{}', resourceId: 'learnerA' },
  }),
  r('GET', `/api/memory/search?searchQuery=cart&resourceId=learnerA&agentId={AGENT}`, {
    op: 200,
    ...learnersDenied,
  }),
  r('POST', `/api/memory/threads${mem}`, learnersDenied, {
    body: { resourceId: 'learnerA', threadId: 'planted' },
    note: 'learnerA',
  }),
  r(
    'POST',
    `/api/memory/threads${mem}`,
    { op: 200 },
    { body: { resourceId: 'learnerC', threadId: 'op-thread' }, note: 'learnerC' },
  ),
  r('POST', `/api/memory/save-messages${mem}`, learnersDenied, {
    body: msg('{A}', 'learnerA'),
    note: "A's thread",
  }),
  r(
    'POST',
    `/api/memory/save-messages${mem}`,
    { op: 200 },
    { body: msg('op-thread', 'learnerC'), note: 'own thread' },
  ),
  r('PATCH', `/api/memory/threads/{A}${mem}`, learnersDenied, { body: { title: 'taken' } }),
  r('PATCH', `/api/memory/threads/op-thread${mem}`, { op: 200 }, { body: { title: 'renamed' } }),
  r('POST', `/api/memory/messages/delete${mem}`, learnersDenied, { body: { messageIds: ['m-1'] } }),
  r('DELETE', `/api/memory/threads/{A}${mem}`, learnersDenied),
  r('DELETE', `/api/memory/threads/op-thread${mem}`, { op: 200 }),
  r('GET', '/api/workflows', { op: { status: 200, has: '{WF}' }, ...learnersDenied }),
  r('POST', '/api/workflows/{WF}/start-async', learnersDenied, {
    body: { inputData: { sessionId: '{A}', eventId: 'forged', seq: 99 } },
    note: 'on A',
  }),
  r(
    'POST',
    '/api/workflows/{WF}/start-async',
    { op: badInput() },
    { body: { inputData: {} }, note: 'no input' },
  ),
  r(
    'POST',
    '/api/workflows/system-check/start-async',
    { op: 200, ...learnersDenied },
    { body: { inputData: {} } },
  ),
  r('POST', '/api/workflows/{WF}/create-run', { op: 200, ...learnersDenied }, { body: {} }),
  // Successful turns leave no mentor-turn run; the implementation run started below is listed.
  r('GET', '/api/workflows/{WF}/runs', { op: 200, ...learnersDenied }),
  r('GET', '/api/workflows/implementation/runs', {
    op: { status: 200, has: 'wf_' },
    ...learnersDenied,
  }),
  r('GET', '/api/scores/scorers', { op: 200, ...learnersDenied }),
  r('GET', '/api/scores/run/some-run', { op: 200, ...learnersDenied }),
  r('POST', '/api/scores', { op: badInput('score'), ...learnersDenied }, { body: {} }),
  r('GET', '/api/logs', { op: badInput('query.transportId'), ...learnersDenied }),
  r('GET', '/api/logs/transports', { op: 200, ...learnersDenied }),
  r('GET', '/api/observability/traces', { op: 200, ...learnersDenied }),
  // Not available with this storage: a 404 saying so, not Mastra's 500.
  r('GET', '/api/observability/logs', { op: notFound, ...learnersDenied }),
  r('GET', '/api/tools', { op: 200, ...learnersDenied }),
  r(
    'POST',
    '/api/tools/concept-lookup/execute',
    { op: 200, ...learnersDenied },
    { body: { data: { query: 'reduce' } } },
  ),
  r('GET', '/api/openapi.json', { op: 200, ...learnersDenied }),
  // Mastra's Studio sign-in routes are framework-public (no key, no server middleware); with API-key
  // auth they know no user and expose nothing.
  r('GET', '/api/auth/me', everyKey({ status: 200, has: 'null' }), { public: true }),
  r('GET', '/api/auth/capabilities', everyKey({ status: 200, has: '"login":null' }), {
    public: true,
  }),
];

interface Cell {
  name: string;
  key: Key;
  route: Route;
  want: Want;
}
const cells: Cell[] = routes.flatMap((route) => {
  const want = route.public
    ? route.want
    : { none: unauthorized, wrong: unauthorized, ...route.want };
  return (Object.entries(want) as [Key, Want | number][]).map(([key, w]) => {
    const full = typeof w === 'number' ? { status: w } : w;
    return {
      key,
      route,
      want: full,
      name: `${key} ${route.method} ${route.path}${route.note ? ` (${route.note})` : ''} → ${full.status}`,
    };
  });
});

let server: CliProcess & { url: string };
const ids: Record<string, string> = { UNKNOWN: '00000000-0000-4000-8000-000000000000' };
const fill = (text: string) =>
  text.replace(/\{(A2|A|B|O|RUN|AGENT|WF|UNKNOWN)\}/g, (_, name: string) => ids[name]!);

async function call(
  key: Key,
  route: Pick<Route, 'method' | 'path' | 'body' | 'headers' | 'signed'>,
) {
  const body = route.body === undefined ? undefined : fill(JSON.stringify(route.body));
  const headers: Record<string, string> = {
    ...route.headers,
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
  if (bearer[key]) headers.authorization = `Bearer ${bearer[key]}`;
  if (route.signed) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const delivery = `matrix-${randomUUID()}`;
    const hmac = createHmac('sha256', secret)
      .update(`${timestamp}.${delivery}.${body}`)
      .digest('hex');
    headers['x-mentorflow-timestamp'] = timestamp;
    headers['x-mentorflow-delivery'] = delivery;
    headers['x-mentorflow-signature'] = `sha256=${hmac}`;
  }
  const res = await fetch(`${server.url}${fill(route.path)}`, {
    method: route.method,
    headers,
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

/** What must not move on learnerA's session A while learner keys try things on it. */
async function snapshotOfA() {
  const session = await call('op', { method: 'GET', path: '/api/sessions/{A}' });
  const inbox = await call('op', { method: 'GET', path: '/api/sessions/{A}/inbox' });
  const thread = await call('op', { method: 'GET', path: `/api/memory/threads/{A}${mem}` });
  const messages = await call('op', {
    method: 'GET',
    path: `/api/memory/threads/{A}/messages${mem}&perPage=100`,
  });
  return {
    session: {
      status: session.status,
      state: session.json?.state,
      version: session.json?.version,
      learnerId: session.json?.learnerId,
    },
    inbox: inbox.json?.events?.length,
    thread: {
      status: thread.status,
      title: thread.json?.title,
      resourceId: thread.json?.resourceId,
    },
    messages: (messages.json?.messages ?? []).map(
      (m: { id: string; role: string }) => `${m.role}:${m.id}`,
    ),
  };
}

describe('access matrix: MENTORFLOW_API_KEYS=op,ka:learnerA,kb:learnerB', () => {
  let before: Awaited<ReturnType<typeof snapshotOfA>>;

  beforeAll(async () => {
    server = await startServer({ ...env, MENTORFLOW_API_KEYS: 'op,ka:learnerA,kb:learnerB' });
    const open = async (name: string, learnerId: string) => {
      const res = await call('op', {
        method: 'POST',
        path: '/api/sessions',
        body: { learnerId, story: cartStory },
      });
      expect(res.status, res.text).toBe(201);
      ids[name] = res.json.id;
    };
    await open('A', 'learnerA');
    await open('A2', 'learnerA');
    await open('B', 'learnerB');
    await open('O', 'learnerC');
    // A message on A, so its memory thread exists with messages in it.
    const said = await call('op', {
      method: 'POST',
      path: '/api/sessions/{A}/messages',
      body: { text: restatement },
    });
    expect(said.status, said.text).toBe(200);
    const agents = await call('op', { method: 'GET', path: '/api/agents' });
    ids.AGENT =
      Object.keys(agents.json).find((id) => id === 'hint-giver') ?? Object.keys(agents.json)[0]!;
    const workflows = await call('op', { method: 'GET', path: '/api/workflows' });
    ids.WF = (Object.values(workflows.json) as { name: string }[]).find(
      (w) => w.name === 'mentor-turn',
    )!.name;
    const headers = { 'idempotency-key': 'matrix-run' };
    const run = await call('op', {
      method: 'POST',
      path: '/api/workflows/implementation',
      body: runInput,
      headers,
    });
    expect(run.status, run.text).toBe(202);
    ids.RUN = run.json.id;
    before = await snapshotOfA();
    expect(before.messages.length).toBeGreaterThan(0);
    expect(before.thread).toMatchObject({ status: 200, resourceId: 'learnerA' });
  });
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it.each(cells)('$name', async ({ key, route, want }) => {
    const res = await call(key, route);
    expect(res.status, res.text.slice(0, 500)).toBe(want.status);
    if (want.status >= 400 && want.status < 500) {
      expect(res.json, res.text.slice(0, 500)).toMatchObject({
        error: { code: want.code ?? expect.any(String), message: expect.any(String) },
      });
      if (want.field) expect(res.json.error.field).toBe(want.field);
    }
    if (want.has) expect(res.text).toContain(fill(want.has));
    if (want.asUnknown) {
      const unknown = await call(key, {
        ...route,
        path: route.path.replace('{A}', '{UNKNOWN}').replace('{B}', '{UNKNOWN}'),
      });
      expect(unknown.status).toBe(res.status);
      const anonymous = (text: string) =>
        text.replaceAll(ids.A!, '<id>').replaceAll(ids.B!, '<id>').replaceAll(ids.UNKNOWN!, '<id>');
      expect(anonymous(res.text)).toBe(anonymous(unknown.text));
    }
  });

  it("leaves learnerA's session A and its memory thread as they were", async () => {
    expect(await snapshotOfA()).toEqual(before);
  });
});
