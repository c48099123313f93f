import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDelivery } from '../../src/http/webhook-signature.ts';
import { repoRoot, startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { type Receiver, startReceiver } from '../integration/definitions/support/app.ts';
import { apiClient, pollUntil, type Api } from './support/api-client.ts';

/* Seed 004's listings and the templates, stored from examples/workflows and run over HTTP. */

let server: CliProcess & { url: string };
let api: Api;
const receivers: Receiver[] = [];
const webhookSecret = 'hook-secret';
/** Local HTTP servers standing in for ClickUp and Zendesk (event-driven.yaml). */
let clickup: Receiver;
let zendesk: Receiver;

beforeAll(async () => {
  let task = 0;
  clickup = await startReceiver((call) =>
    call.method === 'POST' ? { status: 200, body: { id: `cu-${++task}` } } : { status: 200 },
  );
  zendesk = await startReceiver(() => ({ status: 200, body: {} }));
  receivers.push(clickup, zendesk);
  server = await startServer({
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    TIME_SCALE: '0.01',
    MENTORFLOW_API_KEYS: 'ops-key',
    WEBHOOK_SECRET: webhookSecret,
    WORKFLOW_SECRET_CLICKUP_URL: clickup.url,
    WORKFLOW_SECRET_CLICKUP_TOKEN: 'pk_clickup',
    WORKFLOW_SECRET_CLICKUP_LIST: 'L1',
    WORKFLOW_SECRET_ZENDESK_URL: zendesk.url,
    WORKFLOW_SECRET_ZENDESK_TOKEN: 'zd-token',
  });
  api = apiClient(server.url, 'ops-key');
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  for (const r of receivers) await r.close();
});

function signed(body: string, delivery: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/json',
    'x-mentorflow-timestamp': timestamp,
    'x-mentorflow-delivery': delivery,
    'x-mentorflow-signature': signDelivery(webhookSecret, { timestamp, delivery, body }),
  };
}

async function load(file: string): Promise<string> {
  const res = await api.fetch('/workflow-definitions', {
    method: 'POST',
    body: readFileSync(join(repoRoot, 'examples', 'workflows', file), 'utf8'),
    headers: { 'content-type': 'application/yaml' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const runOf = async (id: string) => (await api.get(`/workflow-runs/${id}`)).body;
const until = (id: string, ...statuses: string[]) =>
  pollUntil(
    () => runOf(id),
    (r) => [...statuses, 'completed', 'failed', 'cancelled'].includes(r.status),
    20_000,
  );

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

  it('event-driven: started by its zendesk.ticket-created event and by its signed webhook; ClickUp completion updates the ticket', async () => {
    await load('event-driven.yaml');
    const low = { ticket: { id: 41, subject: 'Typo', priority: 'low' } };
    expect(
      (await api.post('/workflow-events', { name: 'zendesk.ticket-created', payload: low })).body,
    ).toEqual({ resumed: [], started: [] });

    // 1. The event trigger.
    const eventTicket = { id: 42, subject: 'Checkout fails', priority: 'high' };
    const byEvent = await api.post('/workflow-events', {
      name: 'zendesk.ticket-created',
      payload: { ticket: eventTicket },
    });
    expect(byEvent.body.started).toHaveLength(1);
    const eventRun: string = byEvent.body.started[0];
    const eventWaiting = await until(eventRun, 'waiting');
    expect(eventWaiting.status).toBe('waiting');
    expect(eventWaiting.currentSteps).toEqual(['task-completed']);
    expect(eventWaiting.input).toEqual({ ticket: eventTicket, event: { ticket: eventTicket } });

    // 2. The webhook trigger (its condition reads source, type and priority).
    const webhookTicket = { id: 43, subject: 'Refund stuck', priority: 'high' };
    const body = JSON.stringify({
      source: 'zendesk',
      type: 'ticket-created',
      ticket: webhookTicket,
    });
    const hook = await api.fetch('/workflow-definitions/seed-event-driven/webhook', {
      method: 'POST',
      body,
      headers: signed(body, 'zd-43'),
    });
    expect(hook.status).toBe(202);
    const webhookRun = ((await hook.json()) as { runId: string }).runId;
    expect((await until(webhookRun, 'waiting')).currentSteps).toEqual(['task-completed']);

    // Each run created its ClickUp task from the ticket (subject, and the agent's analysis).
    expect(clickup.calls.map((c) => [c.method, c.path, (c.body as { name: string }).name])).toEqual(
      [
        ['POST', '/api/v2/list/L1/task', 'Checkout fails'],
        ['POST', '/api/v2/list/L1/task', 'Refund stuck'],
      ],
    );
    for (const call of clickup.calls) {
      expect(call.headers.authorization).toBe('pk_clickup');
      expect((call.body as { description: string }).description).not.toBe('');
    }
    expect(zendesk.calls).toEqual([]);

    // ClickUp's completion of each task resumes its run, which solves its ticket.
    for (const [taskId, runId] of [
      ['cu-1', eventRun],
      ['cu-2', webhookRun],
    ]) {
      const delivered = await api.post('/workflow-events', {
        name: 'clickup.task-status',
        payload: { taskId, status: 'complete' },
      });
      expect(delivered.body).toEqual({ resumed: [runId], started: [] });
      expect((await until(runId!)).status).toBe('completed');
    }
    expect(zendesk.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/api/v2/tickets/42.json', { ticket: { status: 'solved' } }],
      ['PUT', '/api/v2/tickets/43.json', { ticket: { status: 'solved' } }],
    ]);
    expect(zendesk.calls[0]!.headers.authorization).toBe('Bearer zd-token');
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
