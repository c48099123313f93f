import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { apiClient } from './support/api-client.ts';
import {
  evaluate,
  KestraTaskFailed,
  render,
  replayFlow,
  supportedTaskTypes,
  type KestraFlow,
  type KestraTask,
  type RequestRecord,
} from './support/kestra-replay.ts';

const flowText = readFileSync(`${repoRoot}docs/kestra-flow.yml`, 'utf8');
const loadFlow = () => parse(flowText) as KestraFlow;

/** Every task, ForEach children included. */
const allTasks = (tasks: KestraTask[]): KestraTask[] =>
  tasks.flatMap((t) => [t, ...allTasks((t.tasks as KestraTask[] | undefined) ?? [])]);

/** The session state each answer reports (`state` of a session, `session.state` of a turn). */
function statesOf(records: RequestRecord[]): string[] {
  const states: string[] = [];
  for (const record of records) {
    const body = JSON.parse(record.body) as { state?: string; session?: { state?: string } };
    const state = body.session?.state ?? body.state;
    if (state && states.at(-1) !== state) states.push(state);
  }
  return states;
}

describe('the Pebble subset the replay understands', () => {
  const context = {
    inputs: { baseUrl: 'http://h', n: 'x' },
    outputs: { t: { body: '{"id":"s1","session":{"state":"A"},"list":[{"k":"v"}]}' } },
    taskrun: { value: '{"a":1}' },
  };

  it('renders variables, fromJson paths, comparisons and lone expressions', () => {
    expect(
      render('{{ inputs.baseUrl }}/api/sessions/{{ fromJson(outputs.t.body).id }}', context),
    ).toBe('http://h/api/sessions/s1');
    expect(render("{{ fromJson(outputs.t.body).session.state == 'A' }}", context)).toBe(true);
    expect(
      render("{{ fromJson(outputs.t.body).session.state != 'A' or inputs.n == 'x' }}", context),
    ).toBe(true);
    expect(render("{{ not (inputs.n == 'x') }}", context)).toBe(false);
    expect(evaluate('fromJson(outputs.t.body).list[0].k', context)).toBe('v');
    expect(render('{{ taskrun.value }}', context)).toBe('{"a":1}');
    expect(render('{"learnerId": "{{ inputs.n }}"}', context)).toBe('{"learnerId": "x"}');
  });

  it('fails on what Kestra would refuse: undefined variables and properties, unknown functions', () => {
    expect(() => render('{{ inputs.missing }}', context)).toThrow(/inputs.missing is undefined/);
    expect(() => render('{{ secrets.key }}', context)).toThrow(/variable secrets is undefined/);
    expect(() => render('{{ fromJson(outputs.t.body).session.nope }}', context)).toThrow(
      /undefined/,
    );
    expect(() => render('{{ json(outputs.t.body) }}', context)).toThrow(/unknown function json/);
    expect(() => render('{{ inputs.n | upper }}', context)).toThrow(/cannot read/);
  });
});

describe('docs/kestra-flow.yml', () => {
  it('is a Kestra flow within the replayed subset', () => {
    const flow = loadFlow();
    expect(flow).toMatchObject({
      id: 'mentorflow-story-session',
      namespace: expect.stringMatching(/^[a-z0-9.]+$/),
    });
    expect(flow.inputs!.map((i) => i.id)).toEqual([
      'baseUrl',
      'apiKey',
      'learnerId',
      'reviewApiKey',
    ]);
    const tasks = allTasks(flow.tasks);
    const ids = tasks.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Pebble reads `outputs.<id>`: ids must be identifiers (no hyphens).
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const task of tasks) expect(supportedTaskTypes as readonly string[]).toContain(task.type);
    expect(
      tasks.filter((t) => t.type === 'io.kestra.plugin.core.http.Request').length,
    ).toBeGreaterThanOrEqual(8);
    expect(
      tasks.filter((t) => t.type === 'io.kestra.plugin.core.execution.Assert').length,
    ).toBeGreaterThanOrEqual(5);
    expect(flowText).toContain('{{ fromJson(outputs.create_session.body).id }}');
  });

  describe('replayed against a running server', () => {
    let server: CliProcess & { url: string };

    beforeAll(async () => {
      server = await startServer({
        MODEL: '',
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        TIME_SCALE: '1',
        MENTORFLOW_API_KEYS: 'ops-key,kestra-key:kestra-learner',
      });
    });
    afterAll(() => {
      if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    });

    it('drives a session from creation to STORY_COMPLETE, every call succeeding and every assertion holding', async () => {
      const result = await replayFlow(loadFlow(), {
        inputs: {
          baseUrl: server.url,
          apiKey: 'kestra-key',
          learnerId: 'kestra-learner',
          reviewApiKey: 'ops-key',
        },
      });
      expect(result.requests.every((r) => r.status >= 200 && r.status < 300)).toBe(true);
      expect(result.requests.map((r) => r.taskId)).toEqual([
        'create_session',
        'restate_story',
        'send_plan',
        ...Array(4).fill('report_progress'),
        'read_after_tasks',
        ...Array(5).fill('report_quality'),
        'read_after_gates',
        'open_pull_request',
        'approve_pull_request',
        'merge_pull_request',
        'read_history',
      ]);
      expect(result.asserts.map((a) => a.taskId)).toEqual([
        'check_created',
        'check_understood',
        'check_plan_approved',
        'check_in_quality_gates',
        'check_ready_for_review',
        'check_in_review',
        'check_approved',
        'check_complete',
      ]);
      expect(statesOf(result.requests)).toEqual([
        'ASSESS_JUNIOR_CAPABILITY',
        'PLAN_DECOMPOSITION',
        'START_IMPLEMENTATION',
        'CONTINUE_MONITORING',
        'DETERMINE_OUTCOME',
        'PREPARE_CODE_REVIEW',
        'MONITOR_REVIEW',
        'MERGE_AND_COMPLETE',
        'STORY_COMPLETE',
      ]);

      // The server agrees: the session (of the key's learner) is complete, with the whole path in its log.
      const sessionId = (JSON.parse(result.requests[0]!.body) as { id: string }).id;
      const session = (await apiClient(server.url, 'ops-key').get(`/sessions/${sessionId}`)).body;
      expect(session).toMatchObject({
        learnerId: 'kestra-learner',
        state: 'STORY_COMPLETE',
        status: 'completed',
      });
      const { transitions } = JSON.parse(result.requests.at(-1)!.body) as {
        transitions: { to: string }[];
      };
      expect(transitions.map((t) => t.to)).toEqual(
        expect.arrayContaining([
          'APPROVE_PLAN',
          'RUN_CHECKS',
          'DETERMINE_OUTCOME',
          'PREPARE_CODE_REVIEW',
          'MONITOR_REVIEW',
          'STORY_COMPLETE',
        ]),
      );
      expect(result.logs).toEqual([
        expect.stringContaining(`Session ${sessionId} of kestra-learner completed`),
      ]);
    });

    it('stops at the assertion of the stage that no longer holds', async () => {
      const flow = loadFlow();
      const restate = flow.tasks.find((t) => t.id === 'restate_story')!;
      restate.body = String(restate.body).replace(
        /"text": ".*"/,
        '"text": "It is about the login page."',
      );
      const failure = await replayFlow(flow, {
        inputs: {
          baseUrl: server.url,
          apiKey: 'ops-key',
          learnerId: 'bo',
          reviewApiKey: 'ops-key',
        },
      }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(KestraTaskFailed);
      expect((failure as KestraTaskFailed).taskId).toBe('check_understood');
    });

    it('stops at a refused call, as Kestra fails a Request task on 4xx', async () => {
      const failure = await replayFlow(loadFlow(), {
        inputs: {
          baseUrl: server.url,
          apiKey: 'kestra-key',
          learnerId: 'someone-else',
          reviewApiKey: 'ops-key',
        },
      }).catch((e: unknown) => e);
      expect((failure as KestraTaskFailed).taskId).toBe('create_session');
      expect((failure as Error).message).toMatch(/HTTP 403/);
    });
  });
});
