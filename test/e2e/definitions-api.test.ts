import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDelivery } from '../../src/http/webhook-signature.ts';
import { startServer, repoRoot, type CliProcess } from '../helpers/spawn-cli.ts';
import { type Receiver, startReceiver } from '../integration/definitions/support/app.ts';
import { apiClient, pollUntil, readSse, type Api } from './support/api-client.ts';

const examples = join(repoRoot, 'examples', 'workflows');
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
const secret = 'hook-secret';

let server: CliProcess & { url: string };
let api: Api;
let learner: Api;
let clickup: Receiver;
let zendesk: Receiver;

beforeAll(async () => {
  let task = 0;
  clickup = await startReceiver((call) =>
    call.method === 'POST'
      ? { status: 200, body: { id: `cu-${++task}`, url: `https://app.clickup.test/t/cu-${task}` } }
      : { status: 200, body: {} },
  );
  zendesk = await startReceiver(() => ({ status: 200, body: { ticket: { id: 42 } } }));
  server = await startServer({
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    TIME_SCALE: '0.01',
    MENTORFLOW_API_KEYS: 'ops-key,learner-key:learner-1',
    WEBHOOK_SECRET: secret,
    WORKFLOW_SECRET_CLICKUP_URL: clickup.url,
    WORKFLOW_SECRET_CLICKUP_TOKEN: 'pk_clickup',
    WORKFLOW_SECRET_CLICKUP_LIST: 'L1',
    WORKFLOW_SECRET_ZENDESK_URL: zendesk.url,
    WORKFLOW_SECRET_ZENDESK_TOKEN: 'zd-token',
  });
  api = apiClient(server.url, 'ops-key');
  learner = apiClient(server.url, 'learner-key');
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await clickup?.close();
  await zendesk?.close();
});

const yaml = (file: string) => readFileSync(join(examples, file), 'utf8');
const postYaml = (path: string, body: string) =>
  api.fetch(path, { method: 'POST', body, headers: { 'content-type': 'application/yaml' } });
const runOf = async (id: string) => (await api.get(`/workflow-runs/${id}`)).body;
const until = (id: string, status: string) =>
  pollUntil(
    () => runOf(id),
    (r) => r.status === status || ['completed', 'failed', 'cancelled'].includes(r.status),
    20_000,
  );

function signed(body: string, delivery: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/json',
    'x-mentorflow-timestamp': timestamp,
    'x-mentorflow-delivery': delivery,
    'x-mentorflow-signature': signDelivery(secret, { timestamp, delivery, body }),
  };
}

describe('workflow definitions over HTTP (mentorflow start, rules mode)', () => {
  it('refuses a learner-scoped key', async () => {
    expect((await learner.get('/workflow-definitions')).status).toBe(403);
  });

  it('refuses a bad definition with 400 and the path of every problem, storing nothing', async () => {
    const bad = {
      id: 'bad-one',
      steps: [
        { id: 'a', kind: 'agent', agent: 'ghost', prompt: 'x {{ input.( }}' },
        { id: 'b', kind: 'set', output: 1, dependsOn: ['c'] },
        {
          id: 'c',
          kind: 'set',
          output: 1,
          dependsOn: ['b'],
          onError: { strategy: 'compensate', compensate: 'refund' },
        },
      ],
    };
    for (const path of ['/workflow-definitions/validate', '/workflow-definitions']) {
      const res = await api.post(path, bad);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('steps[0].agent');
      expect(res.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
        'steps[0].agent',
        'steps[0].prompt',
        'steps[1].dependsOn',
        'steps[2].onError.compensate',
      ]);
    }
    expect((await api.get('/workflow-definitions/bad-one')).status).toBe(404);
    const yamlError = await postYaml('/workflow-definitions/validate', 'id: [unclosed');
    expect(yamlError.status).toBe(400);
  });

  it('loads every shipped example as it is (YAML), and Mastra lists each as a workflow', async () => {
    for (const file of exampleFiles) {
      const res = await postYaml('/workflow-definitions', yaml(file));
      expect(res.status, `${file}: ${await res.clone().text()}`).toBe(201);
    }
    const list = (await api.get('/workflow-definitions')).body.definitions as { id: string }[];
    expect(list.length).toBe(exampleFiles.length);
    const mastraList = await api.get('/workflows');
    expect(mastraList.status).toBe(200);
    for (const { id } of list) expect(Object.keys(mastraList.body)).toContain(`udw-${id}-v1`);
    // What Studio draws: the step graph, with the fork's nested branch workflows and their steps.
    const drawn = await api.get('/workflows/udw-seed-parallel-v1');
    expect(drawn.status).toBe(200);
    expect(drawn.body.stepGraph).toBeDefined();
    const graph = JSON.stringify(drawn.body.stepGraph);
    for (const step of ['analyze-requirements', 'development', 'design-ui', 'implement-backend'])
      expect(graph).toContain(step);
  });

  it('Zendesk → ClickUp: a signed high-priority ticket creates the task, completion syncs the ticket back', async () => {
    const low = JSON.stringify({ ticket: { id: 7, subject: 'Typo', priority: 'low' } });
    const ignored = await api.fetch('/workflow-definitions/zendesk-clickup-sync/webhook', {
      method: 'POST',
      body: low,
      headers: signed(low, 'zd-1'),
    });
    expect(ignored.status).toBe(200);
    expect(await ignored.json()).toMatchObject({ started: false });

    const body = JSON.stringify({
      ticket: { id: 42, subject: 'Checkout fails', description: 'Card declined', priority: 'high' },
    });
    const res = await api.fetch('/workflow-definitions/zendesk-clickup-sync/webhook', {
      method: 'POST',
      body,
      headers: signed(body, 'zd-2'),
    });
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    const waiting = await until(runId, 'waiting');
    expect(waiting.status).toBe('waiting');
    expect(waiting.currentSteps).toEqual(['task-done']);
    expect(clickup.calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v2/list/L1/task',
        body: {
          name: '[ZD-42] Checkout fails',
          description: 'Card declined',
          priority: 2,
          tags: ['zendesk'],
        },
      }),
    ]);
    expect(clickup.calls[0]!.headers.authorization).toBe('pk_clickup');
    expect(zendesk.calls).toHaveLength(1);
    expect(zendesk.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v2/tickets/42.json',
      body: {
        ticket: {
          status: 'open',
          comment: { body: 'Tracked in ClickUp: https://app.clickup.test/t/cu-1' },
        },
      },
    });
    expect(zendesk.calls[0]!.headers.authorization).toBe('Bearer zd-token');

    // Another task's completion does not match; this task's does.
    expect(
      (
        await api.post('/workflow-events', {
          name: 'clickup.task-status',
          payload: { task_id: 'cu-9', status: 'complete' },
        })
      ).body,
    ).toEqual({ resumed: [], started: [] });
    const delivered = await api.post('/workflow-events', {
      name: 'clickup.task-status',
      payload: { task_id: 'cu-1', status: 'Complete' },
    });
    expect(delivered.body.resumed).toEqual([runId]);
    const done = await until(runId, 'completed');
    expect(done).toMatchObject({
      status: 'completed',
      output: { ticket: 42, task: 'cu-1', status: 'solved' },
    });
    expect(
      zendesk.calls.map((c) => (c.body as { ticket: { status: string } }).ticket.status),
    ).toEqual(['open', 'solved']);

    // The same delivery again starts nothing new.
    const again = await api.fetch('/workflow-definitions/zendesk-clickup-sync/webhook', {
      method: 'POST',
      body,
      headers: signed(body, 'zd-2'),
    });
    expect(await again.json()).toMatchObject({ started: true, runId, duplicate: true });

    const stream = await api.fetch(`/workflow-runs/${runId}/events`, {
      headers: { accept: 'text/event-stream' },
    });
    const events = await readSse(stream);
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'run.created',
        'step.completed',
        'run.waiting',
        'event.received',
        'run.completed',
        'end',
      ]),
    );
  });

  it('human approval (seed 004): the run waits for the manager, the answer picks the arm', async () => {
    const start = await api.post('/workflow-definitions/seed-human-approval/runs', {
      request: 'Export invoices as CSV',
    });
    expect(start.status).toBe(202);
    const waiting = await until(start.body.id, 'waiting');
    expect(waiting.tasks).toEqual([
      expect.objectContaining({ assignee: 'manager@company.com', status: 'open' }),
    ]);
    const open = (await api.get(`/workflow-tasks?status=open&runId=${start.body.id}`)).body.tasks;
    expect(open).toHaveLength(1);
    const answer = await api.post(`/workflow-tasks/${open[0].id}/answer`, { approved: true });
    expect(answer.status).toBe(200);
    const done = await until(start.body.id, 'completed');
    expect(
      done.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`),
    ).toEqual([
      'analyze-request:completed',
      'review-analysis:completed',
      'approval:completed',
      'implement-solution:completed',
      'deploy-solution:completed',
    ]);
    expect(
      (await api.post(`/workflow-tasks/${open[0].id}/answer`, { approved: false })).status,
    ).toBe(409);
  });
});
