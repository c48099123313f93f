import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import {
  changed,
  describeFinding,
  discoverOperations,
  prepareFixtures,
  runFuzz,
  StateFingerprint,
  type Finding,
  type FuzzReport,
} from './harness.ts';

/*
 * "No request, however large or malformed, may stall the server or answer 5xx — Mastra's own routes
 * included, since we serve them." One server (an operator key and a learner key, rules mode), every
 * route both OpenAPI documents list, fast-check requests from a fixed seed: valid-ish ones built
 * from the routes' schemas and hostile mutations of them (test/fuzz/requests.ts). bench/fuzz.ts runs
 * the same generator for longer.
 */

const keys = { operator: 'fuzz-operator', learner: 'fuzz-learner-key' };
const learnerId = 'fuzz-learner';
const COUNT = 800;
const SEED = 20240611;

/**
 * Mastra's sign-in, sign-up, SSO and session-refresh routes (`/api/auth/*`) are "framework public":
 * Mastra runs no server middleware for them. The server under test is `mentorflow start`, whose
 * HTTP app registers the error normaliser for them itself (src/app/http-app.ts), so they are held to
 * the same counts; under `mastra dev` and the built server Mastra answers them in its own shape.
 */
const frameworkPublic = (f: Finding) => f.outcome.request.url.startsWith('/api/auth/');

const show = (findings: Finding[]) => findings.slice(0, 15).map(describeFinding).join('\n');

describe(`fuzzing every route (${COUNT} requests, seed ${SEED})`, () => {
  let server: CliProcess & { url: string };
  let report: FuzzReport;
  let ours: Finding[];

  beforeAll(async () => {
    server = await startServer({
      MENTORFLOW_API_KEYS: `${keys.operator},${keys.learner}:${learnerId}`,
      MODEL: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      WEBHOOK_SECRET: 'fuzz-secret',
      LOG_LEVEL: 'fatal',
    });
    const operations = await discoverOperations(server.url, keys);
    const fixtures = await prepareFixtures(server.url, keys, learnerId);
    report = await runFuzz(
      {
        url: server.url,
        keys,
        count: COUNT,
        seed: SEED,
        databaseUrl: process.env.DATABASE_URL!,
        concurrency: 4,
      },
      operations,
      fixtures,
    );
    ours = report.findings;
    console.log(
      `fuzz: ${report.requests} requests in ${report.seconds} s, statuses ${JSON.stringify(report.byStatus)}, ` +
        `slowest /health ${report.maxHealthMs} ms over ${report.healthProbes} probes, ${report.stateChecked} rejected requests state-checked`,
    );
  }, 120_000);

  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('covers both route lists with valid-ish and hostile requests', () => {
    expect(report.requests).toBe(COUNT);
    const mutations = Object.keys(report.byMutation);
    expect(mutations).toEqual(
      expect.arrayContaining([
        'base',
        'path.prototype',
        'body.not-an-object',
        'body.deep',
        'body.nul',
        'body.big-array',
      ]),
    );
    expect(report.byStatus['200']).toBeGreaterThan(20);
  });

  it('never brings the server down', () => {
    expect(show(ours.filter((f) => f.kind === 'crash'))).toBe('');
  });

  it('answers no request with a 5xx, and every request within 20 s', () => {
    expect(show(ours.filter((f) => f.kind === '5xx' || f.kind === 'timeout'))).toBe('');
  });

  it('keeps /health answering within 1 s throughout', () => {
    expect(report.stalls).toBe(0);
    expect(report.maxHealthMs).toBeLessThan(1000);
  });

  it('answers every error in the one shape { error: { code, message, field? } }', () => {
    expect(show(ours.filter((f) => f.kind === 'bad-shape'))).toBe('');
  });

  it('names the field the client sent, as sent (never root, never another field)', () => {
    expect(show(ours.filter((f) => f.kind === 'wrong-field'))).toBe('');
  });

  it('has a state fingerprint that sees a write (a new session)', async () => {
    const fingerprint = new StateFingerprint(process.env.DATABASE_URL!);
    await fingerprint.open();
    try {
      const before = await fingerprint.settle();
      const res = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.operator}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          learnerId,
          story: {
            title: 'Fingerprint',
            description: 'A session to see.',
            acceptanceCriteria: ['It is seen'],
          },
        }),
      });
      expect(res.status).toBe(201);
      expect(changed(before, await fingerprint.take())).toContain('sessions');
    } finally {
      await fingerprint.close();
    }
  });

  it('changes nothing in the database when it refuses a request', () => {
    expect(report.stateChecked).toBeGreaterThan(100);
    expect(show(ours.filter((f) => f.kind === 'state-change'))).toBe('');
  });

  it('answers the framework-public /api/auth/* routes in the one shape too', async () => {
    expect(show(report.findings.filter(frameworkPublic))).toBe('');
    // The requests the 10,000-request run found answering 500 and outside the shape, every time.
    const probes: [string, RequestInit][] = [
      ['/api/auth/sso/callback?code=x&state=a%7Cb%20c', {}],
      ['/api/auth/sso/login', {}],
      [
        '/api/auth/credentials/sign-in',
        { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
      ],
    ];
    for (const [path, init] of probes) {
      const res = await fetch(`${server.url}${path}`, init);
      expect(res.status, path).toBeLessThan(500);
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code, path).toBe('string');
      expect(typeof body.error?.message, path).toBe('string');
    }
  });

  it('answers a stored agent without a model 400 naming model (PostgreSQL refused the row: was 500)', async () => {
    const res = await fetch(`${server.url}/api/stored/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: '',
        authorId: 'fuzz',
        metadata: {},
        visibility: 'private',
        autoPublish: false,
        name: `no-model-${Date.now()}`,
        description: 'found by the 10,000-request run',
        instructions: [],
        tools: [],
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field?: string } }).error.field).toBe('model');
  });

  it('answers a restart of a run that never ran 404, and an unbuildable stored graph 400 (were 500)', async () => {
    const headers = {
      authorization: `Bearer ${keys.operator}`,
      'content-type': 'application/json',
    };
    const workflow = '/api/workflows/progress-coach-output-processor';
    const created = await fetch(`${server.url}${workflow}/create-run`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    const { runId } = (await created.json()) as { runId: string };
    const restart = await fetch(`${server.url}${workflow}/restart-async?runId=${runId}`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(restart.status).toBe(404);
    expect(((await restart.json()) as { error: { field?: string } }).error.field).toBe(
      'query.runId',
    );
    const stored = await fetch(`${server.url}/api/stored/workflows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id: `sleepy-${Date.now()}`,
        description: 'found by the 10,000-request run',
        inputSchema: {},
        outputSchema: {},
        graph: [{ type: 'sleepUntil', id: 'wait', date: 'AG' }],
      }),
    });
    expect(stored.status).toBe(400);
    expect(((await stored.json()) as { error: { field?: string } }).error.field).toBe('graph');
  });
  it('refuses a malformed model for an agent 400 naming the field, and the agent keeps answering (it answered 500 for good)', async () => {
    const headers = {
      authorization: `Bearer ${keys.operator}`,
      'content-type': 'application/json',
    };
    const agent = `${server.url}/api/agents/hint-giver`;
    const set = await fetch(`${agent}/model`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ provider: '5|p', modelId: '' }),
    });
    expect(set.status).toBe(400);
    const { error } = (await set.json()) as { error: { field?: string } };
    expect(error.field).toBe('provider');
    const inList = await fetch(`${agent}/models/primary`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: { provider: 'openai', modelId: ' ' } }),
    });
    expect(inList.status).toBe(400);
    expect(((await inList.json()) as { error: { field?: string } }).error.field).toBe(
      'model.modelId',
    );
    const listener = await fetch(`${agent}/voice/listener`, { headers });
    expect(listener.status).toBe(200);
    const generated = await fetch(`${agent}/generate`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ messages: [{ role: 'user', content: 'a hint please' }] }),
    });
    expect(generated.status).toBe(200);
  });

  it('answers the resume of a run that never ran 404 naming runId (was 500)', async () => {
    const headers = {
      authorization: `Bearer ${keys.operator}`,
      'content-type': 'application/json',
    };
    const workflow = `${server.url}/api/workflows/review-coach-output-processor`;
    const created = await fetch(`${workflow}/create-run`, { method: 'POST', headers, body: '{}' });
    const { runId } = (await created.json()) as { runId: string };
    const res = await fetch(`${workflow}/resume-async?runId=${runId}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ step: ['x'], resumeData: {} }),
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { field?: string } }).error.field).toBe('query.runId');
  });
});
