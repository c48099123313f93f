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

  it('human approval (seed 004): the run waits for the manager; approved → implement and deploy, rejected → notify the rejection', async () => {
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

    // The reject arm: the manager says no, with a reason; nothing is implemented.
    const rejected = await api.post('/workflow-definitions/seed-human-approval/runs', {
      request: 'Drop the audit log',
    });
    const asked = await until(rejected.body.id, 'waiting');
    const no = await api.post(`/workflow-tasks/${asked.tasks[0].id}/answer`, {
      approved: false,
      reason: 'the audit log is a legal requirement',
    });
    expect(no.status).toBe(200);
    const refused = await until(rejected.body.id, 'completed');
    expect(refused.status).toBe('completed');
    expect(
      refused.steps.map((s: { step: string; status: string }) => `${s.step}:${s.status}`),
    ).toEqual([
      'analyze-request:completed',
      'review-analysis:completed',
      'approval:completed',
      'notify-rejection:completed',
    ]);
    expect(refused.output).toEqual({
      rejected: true,
      reason: 'the audit log is a legal requirement',
    });
  });

  it('versions, deprecate, analytics, cancel and retry over HTTP', async () => {
    let held = true;
    const target = await startReceiver(async (call) => {
      if (call.path === '/slow' && held) await new Promise(() => undefined);
      return { status: 200, body: { path: call.path } };
    });
    try {
      const v1 = {
        id: 'lifecycle',
        onCancel: 'compensate',
        steps: [
          {
            id: 'reserve',
            kind: 'http',
            method: 'POST',
            url: `${target.url}/reserve`,
            compensation: 'release',
          },
          { id: 'slow', kind: 'http', method: 'POST', url: `${target.url}/slow` },
        ],
        compensations: [
          { id: 'release', kind: 'http', method: 'DELETE', url: `${target.url}/reserve` },
        ],
      };
      expect((await api.post('/workflow-definitions', v1)).status).toBe(201);

      // A run of v1 is held on its slow step; cancel stops it and releases the reservation.
      const started = await api.post('/workflow-definitions/lifecycle/runs', {});
      expect(started.status).toBe(202);
      const runId: string = started.body.id;
      await pollUntil(
        () => runOf(runId),
        (r) => r.currentSteps.includes('slow'),
        20_000,
      );

      // A new version while it runs: the run keeps v1.
      const v2 = await api.post('/workflow-definitions/lifecycle/versions', {
        ...v1,
        id: undefined,
        name: 'Lifecycle v2',
      });
      expect(v2.status).toBe(201);
      expect(v2.body).toMatchObject({ latestVersion: 2, workflowId: 'udw-lifecycle-v2' });
      const bad = await api.post('/workflow-definitions/lifecycle/versions', {
        steps: [{ id: 'x', kind: 'set', output: 1, dependsOn: ['ghost'] }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('steps[0].dependsOn[0]');
      expect(
        (await api.post('/workflow-definitions/nothing/versions', { ...v1, id: undefined })).status,
      ).toBe(404);
      // The body's id, when given, must be the path's.
      expect(
        (await api.post('/workflow-definitions/nothing/versions', v1)).body.error,
      ).toMatchObject({ code: 'VALIDATION_ERROR', field: 'id' });
      const got = await api.get('/workflow-definitions/lifecycle');
      expect(got.body).toMatchObject({ version: 2, name: 'Lifecycle v2' });
      expect(got.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

      const cancel = await api.post(`/workflow-runs/${runId}/cancel`);
      expect(cancel.status).toBe(202);
      expect(cancel.body).toMatchObject({ id: runId, cancelRequested: true });
      const cancelled = await until(runId, 'cancelled');
      expect(cancelled).toMatchObject({ status: 'cancelled', version: 1 });
      expect(cancelled.compensations).toEqual([
        expect.objectContaining({ step: 'reserve', status: 'done' }),
      ]);
      expect((await api.post(`/workflow-runs/${runId}/cancel`)).status).toBe(409);

      // Retry: the next attempt, still v1, reserves again (the saga released it) and completes.
      held = false;
      const retried = await api.post(`/workflow-runs/${runId}/retry`);
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ id: runId, attempt: 2 });
      const done = await pollUntil(
        () => runOf(runId),
        (r) => r.attempt === 2 && ['completed', 'failed', 'cancelled'].includes(r.status),
        20_000,
      );
      expect(done).toMatchObject({ status: 'completed', version: 1, attempt: 2 });
      expect(target.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /reserve',
        'POST /slow',
        'DELETE /reserve',
        'POST /reserve',
        'POST /slow',
      ]);
      expect((await api.post(`/workflow-runs/${runId}/retry`)).status).toBe(409);
      expect((await api.post('/workflow-runs/wr_000000000000000000000000/retry')).status).toBe(404);

      const analytics = await api.get('/workflow-definitions/lifecycle/analytics');
      expect(analytics.status).toBe(200);
      expect(analytics.body).toMatchObject({ definition: 'lifecycle', runs: 1, successRate: 1 });
      expect(analytics.body.steps.map((s: { step: string }) => s.step).sort()).toEqual([
        'reserve',
        'slow',
      ]);
      expect((await api.get('/workflow-definitions/nothing/analytics')).status).toBe(404);

      const deprecated = await api.post('/workflow-definitions/lifecycle/deprecate');
      expect(deprecated.status).toBe(200);
      expect(deprecated.body).toMatchObject({ id: 'lifecycle', status: 'deprecated' });
      const refused = await api.post('/workflow-definitions/lifecycle/runs', {});
      expect(refused.status).toBe(409);
      expect((await api.post('/workflow-definitions/nothing/deprecate')).status).toBe(404);
    } finally {
      await target.close();
    }
  });
});
