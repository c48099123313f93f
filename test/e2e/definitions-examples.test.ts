import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { type Receiver, startReceiver } from '../integration/definitions/support/app.ts';
import { apiClient, pollUntil, type Api } from './support/api-client.ts';

/* Seed 004's listings and the templates, stored from examples/workflows and run over HTTP. */

let server: CliProcess & { url: string };
let api: Api;
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startServer({
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    TIME_SCALE: '0.01',
    MENTORFLOW_API_KEYS: 'ops-key',
  });
  api = apiClient(server.url, 'ops-key');
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  for (const r of receivers) await r.close();
});

async function load(file: string): Promise<string> {
  const res = await api.fetch('/workflow-definitions', {
    method: 'POST',
    body: readFileSync(join(repoRoot, 'examples', 'workflows', file), 'utf8'),
    headers: { 'content-type': 'application/yaml' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function runToEnd(
  definition: string,
  input: unknown,
  until = ['completed', 'failed', 'cancelled'],
) {
  const start = await api.post(`/workflow-definitions/${definition}/runs`, input);
  expect(start.status).toBe(202);
  return pollUntil(
    async () => (await api.get(`/workflow-runs/${start.body.id}`)).body,
    (r) => until.includes(r.status),
    20_000,
  );
}

const statuses = (run: { steps: { step: string; status: string }[] }) =>
  Object.fromEntries(run.steps.map((s) => [s.step, s.status]));

describe('seed 004 listings and templates, as shipped', () => {
  it('sequential: five steps in order', async () => {
    const run = await runToEnd(await load('sequential.yaml'), { request: 'Add CSV export' });
    expect(run.status).toBe('completed');
    expect(run.steps.map((s: { step: string }) => s.step)).toEqual([
      'analyze-requirements',
      'design-solution',
      'implement-solution',
      'test-solution',
      'deploy-solution',
    ]);
    expect(run.output).toMatchObject({ deployed: true });
  });

  it('parallel: frontend and backend branches joined before integration testing', async () => {
    const run = await runToEnd(await load('parallel.yaml'), { request: 'Add CSV export' });
    expect(run.status).toBe('completed');
    expect(statuses(run)).toMatchObject({
      'frontend-development': 'completed',
      'backend-development': 'completed',
      'implement-frontend': 'completed',
      'implement-backend': 'completed',
      development: 'completed',
      'integration-testing': 'completed',
    });
  });

  it('conditional: findings → fix and re-scan; none → deploy', async () => {
    const id = await load('conditional.yaml');
    const withFindings = await runToEnd(id, { findings: ['SQL injection in search'] });
    expect(statuses(withFindings)).toMatchObject({
      'fix-security-issues': 'completed',
      'rerun-security-scan': 'completed',
    });
    expect(statuses(withFindings)['proceed-to-deployment']).toBeUndefined();
    const clean = await runToEnd(id, { findings: [] });
    expect(statuses(clean)).toMatchObject({ 'proceed-to-deployment': 'completed' });
    expect(statuses(clean)['fix-security-issues']).toBeUndefined();
  });

  it('error handling: retry with backoff, compensate (own rollback, then the undo of completed steps), escalate', async () => {
    let validateCalls = 0;
    let transformFails = true;
    const target = await startReceiver((call) => {
      if (call.path === '/validate' && call.method === 'POST')
        return ++validateCalls === 1 ? { status: 503 } : { status: 200, body: { valid: 2 } };
      if (call.path === '/transform')
        return transformFails ? { status: 422, body: { error: 'bad shape' } } : { status: 200 };
      if (call.path === '/sync') return { status: 500 };
      return { status: 200 };
    });
    receivers.push(target);
    const id = await load('error-handling.yaml');
    const failed = await runToEnd(id, { api: target.url, records: [{ id: 1 }, { id: 2 }] });
    expect(failed.status).toBe('failed');
    expect(failed.steps.find((s: { step: string }) => s.step === 'data-validation')).toMatchObject({
      status: 'completed',
      tries: 2,
    });
    expect(failed.error).toMatchObject({ step: 'data-transformation', class: 'business' });
    expect(target.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /validate',
      'POST /validate',
      'POST /transform',
      'POST /rollback',
      'DELETE /validate',
    ]);

    transformFails = false;
    const escalated = await runToEnd(id, { api: target.url, records: [] }, [
      'waiting',
      'completed',
      'failed',
    ]);
    expect(escalated.status).toBe('waiting');
    expect(escalated.tasks).toEqual([
      expect.objectContaining({ kind: 'escalation', assignee: 'human-operator' }),
    ]);
    await api.post(`/workflow-tasks/${escalated.tasks[0].id}/answer`, {
      action: 'complete',
      output: { synced: 'by hand' },
    });
    const done = await pollUntil(
      async () => (await api.get(`/workflow-runs/${escalated.id}`)).body,
      (r) => r.status === 'completed',
      20_000,
    );
    expect(done.output).toEqual({ synced: 'by hand' });
  });

  it('templates: implementation, code review and research-and-compare run in rules mode', async () => {
    const implementation = await runToEnd(await load('implementation.yaml'), {
      request: 'Build user authentication',
      requirements: ['OAuth support'],
      constraints: ['Use the existing user table'],
    });
    expect(implementation.status).toBe('completed');
    expect(implementation.output).toMatchObject({
      plan: expect.any(String),
      score: expect.any(Number),
      implementation: expect.any(String),
    });

    const review = await runToEnd(await load('code-review.yaml'), {
      pr: '#12',
      tsc: "src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.",
      eslint: '[]',
      tests: JSON.stringify({
        numTotalTests: 3,
        numPassedTests: 3,
        numFailedTests: 0,
        testResults: [],
      }),
    });
    expect(review.status, JSON.stringify(review.error)).toBe('completed');
    expect(statuses(review)).toMatchObject({
      tsc: 'completed',
      eslint: 'completed',
      'test-report': 'completed',
      'request-changes': 'completed',
    });

    const research = await runToEnd(await load('research-compare.yaml'), {
      topic: 'memoization',
      goal: 'a slow report',
    });
    expect(research.status).toBe('completed');
    expect(statuses(research)).toMatchObject({ research: 'completed', compare: 'completed' });
  });
});
