import type { LanguageModelV4 } from '@ai-sdk/provider';
import { noopLogger } from '@mastra/core/logger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activityReaderAgent } from '../../../agents/activity-reader.ts';
import { runAgentAction } from '../../../agents/mentor-actions.ts';
import { resetCircuitBreakers } from '../../../src/models/circuit-breaker.ts';
import { readModelInput } from '../../../src/models/model-input.ts';
import type { AgentPort } from '../../../src/sessions/agent-port.ts';
import { startFakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { fakeServerModelOptions } from '../../helpers/fake-server-port.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

/**
 * Plain-language activity reports with a model (issue 13): the learner's message is read by the
 * activity reader's model as structured output (the list of report events), and the session moves
 * as the events would. The reader answers from a scripted mock model, then from the local fake
 * OpenAI-compatible server over HTTP; when the model fails or answers outside the schema, the model
 * layer's fallback answers with the rules reading and the turn records the fallback. The other
 * agents run in rules mode.
 */
const fake = await startFakeOpenAIServer();
const modelOptions = fakeServerModelOptions(fake.baseURL);

/** The reader's model for the next calls: a mock model instance, or the fake server's. */
let readerModel: LanguageModelV4 | 'fake-server' = scriptedModel([{ reports: [] }]);
const port: AgentPort = {
  run: (name, input, ctx) =>
    runAgentAction(name, input as never, {
      story: ctx.story,
      referenceSolution: ctx.referenceSolution,
      ...(name !== 'readActivity'
        ? {}
        : readerModel === 'fake-server'
          ? { model: 'openai/gpt-4o-mini', modelOptions }
          : { model: readerModel }),
    }),
};
const { pool, service } = testService({ agents: port });
const rulesOnly = testService({ pool });
afterAll(async () => {
  await pool.end();
  await fake.close();
});
// The failing models are failures on purpose: Mastra would log each one.
beforeAll(() => activityReaderAgent.__setLogger(noopLogger));
beforeEach(() => {
  fake.reset();
  resetCircuitBreakers();
});

type Service = typeof service;
const say = (s: Service, id: string, text: string) =>
  s.ingestEvent(id, { type: 'learner-message', data: { text } });

async function implementing(s: Service = service) {
  const { session } = await s.createSession({ learnerId: 'mo', story: cartStory });
  await say(s, session.id, restatement);
  expect((await say(s, session.id, goodPlan)).session.state).toBe('START_IMPLEMENTATION');
  return session.id;
}

const agentCalls = async (eventId: string) => {
  const { rows } = await pool.query('select agent_calls, fallback from turns where event_id = $1', [
    eventId,
  ]);
  return rows[0] as { agent_calls: Record<string, unknown>[]; fallback: boolean };
};

/** Words the rules do not read as a report; a model does. */
const unruly = 'ran the suite: not a single failure across the 2 specs';
const passing = { type: 'test-run', fields: { failed: 0, passed: 2, total: 2 } };
/** The test-run event the model's reading stands for. */
const structured = { failed: 0, passed: 2, total: 2 };

describe('activity reports read by a model', () => {
  it('a mock model’s structured reading moves the session as the test-run event does', async () => {
    const model = scriptedModel([{ reports: [passing] }]);
    readerModel = model;
    const [a, b] = [await implementing(), await implementing()];
    const event = await service.ingestEvent(a, { type: 'test-run', data: structured });
    const sentence = await say(service, b, unruly);
    expect(sentence.session.state).toBe(event.session.state);
    expect(sentence.outcome.status === 'applied' && sentence.outcome.machineEvents).toEqual(
      event.outcome.status === 'applied' && event.outcome.machineEvents,
    );
    expect(sentence.outcome.status === 'applied' && sentence.outcome.machineEvents).toContain(
      'taskCompleted',
    );
    // The model read the message in its state, with the reports' schema as the answer format.
    expect(model.calls).toHaveLength(1);
    expect(readModelInput(model.calls[0]!.prompt).input).toMatchObject({
      message: unruly,
      state: 'START_IMPLEMENTATION',
    });
    expect(model.calls[0]!.responseFormat).toMatchObject({ type: 'json' });
    const turn = await agentCalls(sentence.event.id);
    expect(turn.agent_calls[0]).toMatchObject({
      action: 'readActivity',
      model: 'mock/mock-model',
      fallback: false,
    });
    // The rules alone read nothing in the same words: the model's reading is what moved it.
    const ruled = await say(rulesOnly.service, await implementing(rulesOnly.service), unruly);
    expect(ruled.session.state).toBe('START_IMPLEMENTATION');
  });

  it('applies every report the model reads: review news, then the commit in the state it led to', async () => {
    const id = await readyForReview();
    readerModel = scriptedModel([
      { reports: [{ type: 'review-feedback', fields: { decision: 'submitted', prUrl: null } }] },
      {
        reports: [
          { type: 'commit', fields: { sha: null, message: null } },
          { type: 'review-feedback', fields: { decision: 'minor-changes', prUrl: null } },
        ],
      },
    ]);
    expect((await say(service, id, 'it is out for review')).session.state).toBe('MONITOR_REVIEW');
    const both = await say(service, id, 'Maria wanted two renames, sorted and saved in git');
    const events = (await service.listTransitions(id)).map((t) => t.event);
    expect(events.slice(-2)).toEqual(['minorChanges', 'fixesStarted']);
    expect(both.session.state).not.toBe('GUIDE_FIXES');
  });

  it('through the fake OpenAI-compatible server (HTTP, structured output) the session moves the same way', async () => {
    readerModel = 'fake-server';
    fake.respond({ json: { reports: [passing] } });
    const id = await implementing();
    const sentence = await say(service, id, unruly);
    expect(sentence.outcome.status === 'applied' && sentence.outcome.machineEvents).toContain(
      'taskCompleted',
    );
    const [request] = fake.requests;
    expect(fake.requests).toHaveLength(1);
    expect(request).toMatchObject({ api: 'chat', stream: false });
    expect(request!.lastUserText).toContain(unruly);
    expect(request!.systemText).toContain('the session events it stands for');
    expect(request!.responseFormat).toMatchObject({ type: 'json_schema' });
    // OpenAI's strict structured outputs take the schema: every property required, none extra, no oneOf.
    const format = request!.responseFormat as {
      json_schema: { strict?: boolean; schema: unknown };
    };
    expect(format.json_schema.strict).toBe(true);
    expect(strictProblems(format.json_schema.schema)).toEqual([]);
    expect((await agentCalls(sentence.event.id)).agent_calls[0]).toMatchObject({
      action: 'readActivity',
      model: 'openai/gpt-4o-mini',
      fallback: false,
    });
  });

  it.each([
    ['fails (HTTP 500 after the retries)', { status: 500 }],
    [
      'answers outside the schema',
      { json: { reports: [{ type: 'test-run', fields: { failed: 'none' } }] } },
    ],
  ] as const)(
    'when the model %s, the rules reading answers, recorded as a fallback',
    async (_, reply) => {
      readerModel = 'fake-server';
      fake.respond(reply);
      const [a, b] = [await implementing(), await implementing()];
      const event = await service.ingestEvent(a, { type: 'test-run', data: structured });
      const sentence = await say(service, b, 'all 2 tests pass');
      expect(fake.requests.length).toBeGreaterThan(1);
      expect(sentence.session.state).toBe(event.session.state);
      const turn = await agentCalls(sentence.event.id);
      expect(turn.agent_calls[0]).toMatchObject({
        action: 'readActivity',
        model: 'rules/activity-reader',
        fallback: true,
      });
      expect(turn.fallback).toBe(true);
    },
  );

  it('when a mock model throws, the rules reading answers, recorded as a fallback', async () => {
    readerModel = scriptedModel([new Error('model down')]);
    const [a, b] = [await implementing(), await implementing()];
    const event = await service.ingestEvent(a, { type: 'test-run', data: structured });
    const sentence = await say(service, b, 'all 2 tests pass');
    expect(sentence.session.state).toBe(event.session.state);
    expect((await agentCalls(sentence.event.id)).agent_calls[0]).toMatchObject({
      action: 'readActivity',
      model: 'rules/activity-reader',
      fallback: true,
    });
  });
});

/** Where a JSON Schema breaks OpenAI's strict mode rules (objects closed and fully required, no oneOf). */
function strictProblems(schema: unknown, path = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = node.oneOf ? [`${path}: oneOf`] : [];
  if (node.type === 'object') {
    const keys = Object.keys((node.properties as object | undefined) ?? {});
    const required = (node.required as string[] | undefined) ?? [];
    if (node.additionalProperties !== false) problems.push(`${path}: additionalProperties`);
    for (const k of keys) if (!required.includes(k)) problems.push(`${path}.${k}: not required`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value))
      value.forEach((v, i) => problems.push(...strictProblems(v, `${path}.${key}[${i}]`)));
    else if (value && typeof value === 'object')
      problems.push(...strictProblems(value, `${path}.${key}`));
  }
  return problems;
}

/** A session in PREPARE_CODE_REVIEW: every gate report in and passing (structured events). */
async function readyForReview() {
  readerModel = scriptedModel([{ reports: [] }]);
  const id = await implementing();
  const send = (type: string, data: Record<string, unknown>) =>
    service.ingestEvent(id, { type, data });
  await send('test-run', { failed: 0, passed: 2, total: 2 });
  await say(service, id, 'done');
  await send('test-run', { failed: 0, passed: 5 });
  for (const [type, data] of [
    ['coverage', { lines: 96 }],
    ['lint', { errorCount: 0 }],
    ['typecheck', { errorCount: 0 }],
    ['build', { success: true }],
    ['security-scan', { counts: {} }],
  ] as const)
    await send(type, data);
  expect((await service.getSession(id)).state).toBe('PREPARE_CODE_REVIEW');
  return id;
}
