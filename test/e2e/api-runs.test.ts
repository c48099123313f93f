import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeReply,
  type RecordedRequest,
} from '../helpers/fake-openai-server.ts';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { apiClient, pollUntil, readSse, type Api } from './support/api-client.ts';

const rulesMode = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TIME_SCALE: '1',
  MENTORFLOW_API_KEYS: 'ops-key',
};
const input = {
  request: 'Build user authentication system',
  requirements: ['OAuth support', 'MFA capability'],
  constraints: ['Must use existing user table'],
};
const terminal = ['completed', 'failed', 'rejected'];
const unknownRun = 'wf_000000000000000000000000';

type Status = {
  id: string;
  status: string;
  currentPhase: string | null;
  progress: number;
  estimatedCompletion: string | null;
};

const servers: (CliProcess & { url: string })[] = [];
afterAll(() => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
});

async function start(api: Api, body: unknown = input): Promise<string> {
  const res = await api.post('/workflows/implementation', body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body).toEqual({ id: expect.stringMatching(/^wf_[0-9a-f]{24}$/), status: 'queued' });
  return res.body.id;
}

const status = async (api: Api, id: string) =>
  (await api.get(`/workflows/${id}/status`)).body as Status;
const until = (api: Api, id: string, done: (s: Status) => boolean) =>
  pollUntil(() => status(api, id), done, 20_000);

describe('implementation runs over HTTP (rules mode)', () => {
  let api: Api;
  beforeAll(async () => {
    const server = await startServer(rulesMode);
    servers.push(server);
    api = apiClient(server.url, 'ops-key');
  });

  it('starts a run (202) and reports seed 003’s status shape until it completes', async () => {
    const id = await start(api);
    const seen = new Set<string>();
    const final = await pollUntil(
      () => status(api, id),
      (s) => {
        seen.add(s.status);
        return terminal.includes(s.status);
      },
      20_000,
      20,
    );
    expect(Object.keys(final).sort()).toEqual([
      'currentPhase',
      'estimatedCompletion',
      'id',
      'progress',
      'status',
    ]);
    // Nothing is estimated once a run has ended.
    expect(final).toEqual({
      id,
      status: 'completed',
      currentPhase: 'implement',
      progress: 100,
      estimatedCompletion: null,
    });
    expect([...seen].every((s) => ['queued', 'in_progress', 'completed'].includes(s))).toBe(true);

    const details = (await api.get(`/workflows/${id}/details`)).body;
    expect(details).toMatchObject({
      id,
      status: 'completed',
      attempt: 1,
      input,
      approval: { required: false },
      completedPhases: expect.arrayContaining(['plan', 'review', 'implement']),
    });
    expect(details.output.tests.length).toBeGreaterThan(0);
    expect(details.output.metrics).toEqual({
      planScore: expect.any(Number),
      implementationTime: expect.any(Number),
      testCoverage: expect.any(Number),
    });
  });

  it("records a run started from Studio (Mastra's own start route) as a real run: status, details, metrics", async () => {
    const before = (await api.get('/workflows/implementation/metrics')).body as {
      finishedWorkflows: number;
    };
    const runId = randomUUID();
    const started = await api.post(`/workflows/implementation/start-async?runId=${runId}`, {
      inputData: input,
    });
    expect(started.status).toBe(200);
    const final = await pollUntil(
      () => status(api, runId),
      (s) => terminal.includes(s.status),
      20_000,
      20,
    );
    expect(final).toMatchObject({ id: runId, status: 'completed', progress: 100 });
    expect((await api.get(`/workflows/${runId}/details`)).body).toMatchObject({ id: runId, input });
    const after = (await api.get('/workflows/implementation/metrics')).body as {
      finishedWorkflows: number;
    };
    expect(after.finishedWorkflows).toBeGreaterThan(before.finishedWorkflows);
  });

  it('lists the run’s events as JSON and follows them as SSE until `end`', async () => {
    const id = await start(api, {
      request: 'Add a cart total',
      requirements: ['Sum the item prices', 'An empty cart totals zero'],
    });
    const res = await api.fetch(`/workflows/${id}/events`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(res);
    expect(events.at(-1)).toMatchObject({ event: 'end' });
    expect(JSON.parse(events.at(-1)!.data)).toEqual({ status: 'completed' });
    const logged = events.slice(0, -1);
    expect(logged[0]).toMatchObject({ event: 'run.queued', id: '1' });
    expect(logged.map((e) => Number(e.id))).toEqual(logged.map((_, i) => i + 1));
    const completed = logged
      .filter((e) => e.event === 'phase.completed')
      .map((e) => JSON.parse(e.data).data as { phase: string; nextPhase: string | null });
    expect(completed.map((d) => d.phase)).toEqual(
      expect.arrayContaining(['plan', 'review', 'implement']),
    );
    expect(completed.at(-1)).toMatchObject({ phase: 'implement', nextPhase: null });
    expect(logged.at(-1)!.event).toBe('run.completed');

    const json = await api.get(`/workflows/${id}/events`);
    expect(json.body.events.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual(
      logged.map((e) => [Number(e.id), e.event]),
    );
    const after = await api.get(`/workflows/${id}/events?after=${logged.length - 1}`);
    expect(after.body.events.map((e: { type: string }) => e.type)).toEqual(['run.completed']);
    // Resuming a stream with Last-Event-ID replays only what came after.
    const resumed = await readSse(
      await api.fetch(`/workflows/${id}/events`, {
        headers: { accept: 'text/event-stream', 'last-event-id': String(logged.length - 1) },
      }),
    );
    expect(resumed.map((e) => e.event)).toEqual(['run.completed', 'end']);
  });

  it('waits for approval when asked; approving completes the run, a second answer is 409', async () => {
    const id = await start(api, { ...input, approval: true });
    const waiting = await until(
      api,
      id,
      (s) => s.status === 'awaiting_approval' || terminal.includes(s.status),
    );
    expect(waiting).toMatchObject({
      status: 'awaiting_approval',
      currentPhase: 'approval',
      estimatedCompletion: null,
    });
    const invalid = await api.post(`/workflows/${id}/approval`, { approved: 'yes' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'approved' });

    const approved = await api.post(`/workflows/${id}/approval`, {
      approved: true,
      comment: 'looks good',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ id, status: 'in_progress' });
    const again = await api.post(`/workflows/${id}/approval`, { approved: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect((await until(api, id, (s) => terminal.includes(s.status))).status).toBe('completed');
    expect((await api.get(`/workflows/${id}/details`)).body.approval).toMatchObject({
      required: true,
      decision: 'approved',
      comment: 'looks good',
    });
  });

  it('ends the run as rejected when the approver says no; a run not waiting answers 409', async () => {
    const id = await start(api, { ...input, approval: true });
    await until(api, id, (s) => s.status === 'awaiting_approval');
    const rejected = await api.post(`/workflows/${id}/approval`, {
      approved: false,
      comment: 'out of scope',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({ id, status: 'rejected' });
    expect((await until(api, id, (s) => terminal.includes(s.status))).status).toBe('rejected');
    const late = await api.post(`/workflows/${id}/approval`, { approved: true });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'CONFLICT', status: 'rejected' });
    const events = (await api.get(`/workflows/${id}/events`)).body.events as { type: string }[];
    expect(events.map((e) => e.type)).toContain('run.rejected');
    // The SSE stream of a rejected run ends at once.
    const stream = await readSse(
      await api.fetch(`/workflows/${id}/events`, { headers: { accept: 'text/event-stream' } }),
    );
    expect(JSON.parse(stream.at(-1)!.data)).toEqual({ status: 'rejected' });
  });

  it('restarts a finished run from a phase, re-using the phases before it', async () => {
    const id = await start(api);
    await until(api, id, (s) => terminal.includes(s.status));
    const restarted = await api.post(`/workflows/${id}/restart`, { fromPhase: 'review' });
    expect(restarted.status).toBe(202);
    expect(restarted.body).toEqual({ id, status: 'queued', attempt: 2 });
    expect((await until(api, id, (s) => terminal.includes(s.status))).status).toBe('completed');
    const details = (await api.get(`/workflows/${id}/details`)).body;
    expect(details.attempt).toBe(2);
    const plans = details.artifacts.filter((a: { kind: string }) => a.kind === 'plan');
    expect(plans).toHaveLength(1);
    expect(
      details.artifacts.filter(
        (a: { kind: string; attempt: number }) => a.kind === 'review' && a.attempt === 2,
      ),
    ).toHaveLength(1);

    const bad = await api.post(`/workflows/${id}/restart`, { fromPhase: 'deploy' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'fromPhase' });
    const missing = await api.post(`/workflows/${id}/restart`, {});
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'fromPhase' });
  });

  it('answers 400 when restarting from a phase that never completed', async () => {
    const waiting = await start(api, { ...input, approval: true });
    await until(api, waiting, (s) => s.status === 'awaiting_approval');
    const early = await api.post(`/workflows/${waiting}/restart`, { fromPhase: 'implement' });
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'fromPhase',
      completed: expect.arrayContaining(['plan', 'review']),
    });
    await api.post(`/workflows/${waiting}/approval`, { approved: false });
  });

  it('answers 404 for unknown runs and 400 naming the field for bad input', async () => {
    for (const path of [
      `/workflows/${unknownRun}/status`,
      `/workflows/${unknownRun}/details`,
      `/workflows/${unknownRun}/events`,
    ]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(
      (
        await api.fetch(`/workflows/${unknownRun}/events`, {
          headers: { accept: 'text/event-stream' },
        })
      ).status,
    ).toBe(404);
    expect((await api.post(`/workflows/${unknownRun}/approval`, { approved: true })).status).toBe(
      404,
    );
    expect((await api.post(`/workflows/${unknownRun}/restart`, { fromPhase: 'plan' })).status).toBe(
      404,
    );
    const badId = await api.get('/workflows/wf_nope/status');
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('path.id');

    const cases: [unknown, string][] = [
      [{ requirements: [] }, 'request'],
      [{ request: 'x' }, 'requirements'],
      [{ request: 'x', requirements: ['ok', ''] }, 'requirements.1'],
      [{ request: 'x', requirements: [], approval: 'yes' }, 'approval'],
      [{ request: 'x', requirements: [], maxRefinements: 99 }, 'maxRefinements'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/workflows/implementation', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({
        code: 'VALIDATION_ERROR',
        field,
      });
    }
    const after = await api.get(`/workflows/${unknownRun}/events?after=-1`);
    expect(after.status).toBe(400);
    expect(after.body.error.field).toBe('query.after');
  });

  it('leaves Mastra’s own POST /api/workflows/:workflowId/restart to Mastra', async () => {
    const created = await api.post('/workflows/system-check/create-run', {});
    expect(created.status).toBe(200);
    const runId = created.body.runId as string;
    const done = await api.post(`/workflows/system-check/start-async?runId=${runId}`, {
      inputData: {},
    });
    expect(done.body.status).toBe('success');
    const restarted = await api.post(`/workflows/system-check/restart?runId=${runId}`, {});
    expect(restarted.status).toBe(200);
    expect(restarted.body).toEqual({ message: 'Workflow run restarted' });
    // Mastra's validation, not ours: it wants a runId query parameter, named as sent (query.runId).
    const noRun = await api.post('/workflows/system-check/restart', {});
    expect(noRun.status).toBe(400);
    expect(noRun.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'query.runId' });
    const unknown = await api.post('/workflows/system-check/restart?runId=nope', {});
    expect(unknown.status).toBe(404);
  });
});

describe('an implementation run against an OpenAI-compatible server', () => {
  let fake: FakeOpenAIServer;
  let api: Api;
  const plan = {
    summary: 'Add OAuth login and TOTP MFA on the existing user table',
    steps: [
      {
        title: 'OAuth callback',
        detail: 'Add the /auth/callback route',
        verification: 'a test logs in with a mocked provider',
      },
      {
        title: 'MFA enrolment',
        detail: 'Store a TOTP secret per user',
        verification: 'a test enrols and verifies a code',
      },
      {
        title: 'Tests',
        detail: 'Cover OAuth support and MFA capability',
        verification: 'the suite passes',
      },
    ],
    risks: ['token leakage'],
    successMetrics: ['login works with OAuth and MFA'],
  };
  const review = {
    score: 91,
    verdict: 'goodPlan',
    criteria: [],
    missingSteps: [],
    concerns: [],
    reply: 'Solid plan from the fake model.',
  };
  const implementation = {
    implementation: '// implementation written by the fake model\nexport function login() {}',
    documentation: 'Docs from the fake model.',
    tests: [
      'OAuth support: logs in with a mocked provider',
      'MFA capability: verifies a TOTP code',
    ],
    notes: [],
  };

  /** While set, the model answers this slowly (holds a run in progress). */
  let delayMs = 0;

  /** Answer each structured-output request by the shape its schema asks for. */
  function answer(request: RecordedRequest): FakeReply {
    const format = request.responseFormat as
      | { json_schema?: { schema?: { properties?: Record<string, unknown> } } }
      | undefined;
    const properties = Object.keys(format?.json_schema?.schema?.properties ?? {});
    const json = properties.includes('implementation')
      ? implementation
      : properties.includes('verdict')
        ? review
        : properties.includes('changes')
          ? { ...plan, changes: [] }
          : properties.includes('steps')
            ? plan
            : undefined;
    if (!json)
      return {
        status: 400,
        body: { error: { message: `unexpected request: ${properties.join(',')}` } },
      };
    return { json, delayMs };
  }

  beforeAll(async () => {
    fake = await startFakeOpenAIServer({ respond: answer });
    const server = await startServer({
      ...rulesMode,
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: fake.baseURL,
      MODEL: 'openai/gpt-4o-mini',
    });
    servers.push(server);
    api = apiClient(server.url, 'ops-key');
  });
  afterAll(() => fake?.close());

  it('plans, reviews and implements through the model server', async () => {
    const id = await start(api);
    const final = await until(api, id, (s) => terminal.includes(s.status));
    expect(final.status).toBe('completed');
    const calls = fake.requests.filter((r) => r.api === 'chat');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(
      calls.every(
        (r) => r.headers.authorization === 'Bearer test' && r.body?.model === 'gpt-4o-mini',
      ),
    ).toBe(true);
    expect(calls.some((r) => r.lastUserText.includes('Build user authentication system'))).toBe(
      true,
    );
    const details = (await api.get(`/workflows/${id}/details`)).body;
    expect(details.output).toMatchObject({
      implementation: implementation.implementation,
      documentation: implementation.documentation,
      tests: implementation.tests,
    });
    expect(details.output.metrics.planScore).toBe(91);
    const events = (await api.get(`/workflows/${id}/events`)).body.events as {
      type: string;
      data: { phase?: string; score?: number };
    }[];
    expect(
      events.find((e) => e.type === 'phase.completed' && e.data.phase === 'review')?.data.score,
    ).toBe(91);
  });

  it('refuses to restart a run while it is in progress (409)', async () => {
    delayMs = 1500;
    try {
      const id = await start(api);
      const running = await until(
        api,
        id,
        (s) => s.status === 'in_progress' || terminal.includes(s.status),
      );
      expect(running.status).toBe('in_progress');
      const busy = await api.post(`/workflows/${id}/restart`, { fromPhase: 'plan' });
      expect(busy.status).toBe(409);
      expect(busy.body.error).toMatchObject({ code: 'CONFLICT', status: 'in_progress' });
      const approval = await api.post(`/workflows/${id}/approval`, { approved: true });
      expect(approval.status).toBe(409);
      delayMs = 0;
      expect((await until(api, id, (s) => terminal.includes(s.status))).status).toBe('completed');
    } finally {
      delayMs = 0;
    }
  });
});
