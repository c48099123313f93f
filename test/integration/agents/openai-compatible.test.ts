import { RequestContext } from '@mastra/core/request-context';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { agents } from '../../../agents/index.ts';
import {
  actionSpecs,
  runAgentAction,
  type MentorActionName,
} from '../../../agents/mentor-actions.ts';
import { modelContextKeys } from '../../../agents/create-mentor-agent.ts';
import { resetCircuitBreakers } from '../../../src/models/circuit-breaker.ts';
import type { ResolveModelOptions } from '../../../src/models/resolve-model.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../../helpers/fake-openai-server.ts';
import { actionInputs, story } from '../../unit/agents/action-inputs.ts';

let server: FakeOpenAIServer;
const delays: number[] = [];
const fastRetries = { sleep: async (ms: number) => void delays.push(ms), random: () => 0 };

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  delays.length = 0;
  resetCircuitBreakers();
});

const chat = (extra: Partial<ResolveModelOptions> = {}): ResolveModelOptions => ({
  env: {},
  apiKey: 'test-key',
  baseURL: server.baseURL,
  resilience: fastRetries,
  ...extra,
});
const names = Object.keys(actionSpecs) as MentorActionName[];

async function validOutput(name: MentorActionName) {
  return (
    await runAgentAction(name, actionInputs[name] as never, { story, modelOptions: { env: {} } })
  ).output as Record<string, unknown>;
}

describe('agents against an OpenAI-compatible server (chat completions)', () => {
  it.each(names)('%s returns the server’s structured answer', async (name) => {
    const valid = await validOutput(name);
    server.enqueue({
      json: { ...valid, ...('reply' in valid ? { reply: 'Answer from the server.' } : {}) },
      usage: { inputTokens: 321, outputTokens: 45 },
    });
    const result = await runAgentAction(name, actionInputs[name] as never, {
      story,
      learner: { level: 'intermediate' },
      modelOptions: chat(),
    });
    expect(result).toMatchObject({
      model: 'openai/gpt-4o-mini',
      mode: 'remote',
      usage: { inputTokens: 321, outputTokens: 45 },
    });
    expect(result.fallback).toBeUndefined();
    if (actionSpecs[name].learnerFacing) expect(result.reply).toBe('Answer from the server.');
    const [request] = server.requests;
    expect(request).toMatchObject({
      path: '/v1/chat/completions',
      api: 'chat',
      stream: false,
      body: expect.objectContaining({ model: 'gpt-4o-mini' }),
    });
    expect(request!.headers.authorization).toBe('Bearer test-key');
    expect(request!.responseFormat).toMatchObject({ type: 'json_schema' });
    // The learner and the story are the call's standing context (system); the input is the user's.
    expect(request!.systemText).toContain('"level":"intermediate"');
    expect(request!.lastUserText).toContain('mentorflow-input');
  });

  it('reads MODEL, MODEL_<AGENT>, OPENAI_API_KEY and OPENAI_BASE_URL from the environment', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'env-key');
    vi.stubEnv('OPENAI_BASE_URL', server.baseURL);
    vi.stubEnv('MODEL', 'openai/gpt-4o-mini');
    vi.stubEnv('MODEL_BLOCKER_DIAGNOSIS', 'local/llama3.2');
    try {
      server.enqueue({ json: await validOutput('diagnoseBlocker') });
      const result = await runAgentAction('diagnoseBlocker', actionInputs.diagnoseBlocker, {
        story,
      });
      expect(result.model).toBe('local/llama3.2');
      expect(server.requests[0]!.body?.model).toBe('llama3.2');
      expect(server.requests[0]!.headers.authorization).toBe('Bearer env-key');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('retries 429 and 500 with backoff, then succeeds without falling back', async () => {
    server.enqueue(
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 500 },
      { json: await validOutput('verifyFix') },
    );
    const result = await runAgentAction('verifyFix', actionInputs.verifyFix, {
      story,
      modelOptions: chat(),
    });
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(result.fallback).toBeUndefined();
    expect(result.mode).toBe('remote');
  });

  it('does not retry a 401: rules mode answers at once and the fallback is recorded', async () => {
    server.respond({ status: 401 });
    const result = await runAgentAction('diagnoseBlocker', actionInputs.diagnoseBlocker, {
      story,
      modelOptions: chat(),
    });
    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({
      model: 'rules/blocker-diagnosis',
      mode: 'rules',
      fallback: { from: 'openai/gpt-4o-mini', reason: 'auth' },
    });
    expect(result.event).toBe('technicalError');
  });

  it('times out a hanging server, retries, then falls back to rules mode', async () => {
    server.respond({ hang: true });
    const started = Date.now();
    const result = await runAgentAction('provideHint', actionInputs.provideHint, {
      story,
      modelOptions: chat({ timeoutMs: 150, resilience: { ...fastRetries, maxRetries: 1 } }),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(2);
    expect(result.fallback).toMatchObject({ reason: 'timeout' });
    expect(result.reply).toMatch(/^\(rules mode\)/);
  });

  it('retries a malformed body once and then uses the good answer', async () => {
    server.enqueue({ malformed: true }, { json: await validOutput('coachReview') });
    const result = await runAgentAction('coachReview', actionInputs.coachReview, {
      story,
      modelOptions: chat(),
    });
    expect(server.requests).toHaveLength(2);
    expect(result.fallback).toBeUndefined();
  });

  it('falls back when structured output violates the schema twice', async () => {
    server.respond({
      json: { ...(await validOutput('diagnoseBlocker')), category: 'notACategory' },
    });
    const result = await runAgentAction('diagnoseBlocker', actionInputs.diagnoseBlocker, {
      story,
      modelOptions: chat(),
    });
    expect(server.requests).toHaveLength(2);
    expect(result.fallback).toMatchObject({
      reason: 'malformedOutput',
      detail: expect.stringContaining('category'),
    });
  });

  it('opens the circuit breaker after consecutive failures, then stops calling the server', async () => {
    server.respond({ status: 503 });
    const options = chat({
      model: 'openai/breaker-test',
      resilience: {
        ...fastRetries,
        maxRetries: 0,
        breaker: { failureThreshold: 3, cooldownMs: 60_000 },
      },
    });
    for (let i = 0; i < 3; i++) {
      const r = await runAgentAction('coachProgress', actionInputs.coachProgress, {
        story,
        modelOptions: options,
      });
      expect(r.fallback?.reason).toBe('serverError');
    }
    const open = await runAgentAction('coachProgress', actionInputs.coachProgress, {
      story,
      modelOptions: options,
    });
    expect(open.fallback).toMatchObject({ reason: 'circuitOpen' });
    expect(server.requests).toHaveLength(3);
  });

  it('streams chat text through agent.stream, and falls back to streamed rules text on 500', async () => {
    server.enqueue({
      content: 'Think about what changes between page 1 and page 2.',
      chunkSize: 6,
    });
    const requestContext = new RequestContext([[modelContextKeys.modelOptions, chat()]]);
    const stream = await agents.hintGiverAgent.stream('how do I start?', { requestContext });
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toBe('Think about what changes between page 1 and page 2.');
    expect(server.requests[0]!.stream).toBe(true);

    server.respond({ status: 500 });
    const fallback = await agents.hintGiverAgent.stream('how do I start?', { requestContext });
    let rulesText = '';
    for await (const chunk of fallback.textStream) rulesText += chunk;
    expect(rulesText).toMatch(/^\(rules mode\) Hint/);
    expect(await fallback.providerMetadata).toMatchObject({
      mentorflow: { fallback: { reason: 'serverError' } },
    });
  });
});

describe('agents against the OpenAI Responses API', () => {
  // Without OPENAI_BASE_URL the provider calls api.openai.com/v1/responses; redirect it to the fake.
  const redirect: typeof fetch = (url, init) =>
    fetch(String(url).replace('https://api.openai.com/v1', server.baseURL), init);

  it('uses /v1/responses for structured output and streaming', async () => {
    server.enqueue({ json: await validOutput('assessUnderstanding') });
    const result = await runAgentAction('assessUnderstanding', actionInputs.assessUnderstanding, {
      story,
      modelOptions: { env: {}, apiKey: 'k', fetch: redirect, resilience: fastRetries },
    });
    expect(server.requests[0]).toMatchObject({ path: '/v1/responses', api: 'responses' });
    expect(result).toMatchObject({ model: 'openai/gpt-4o-mini', mode: 'remote' });
    expect(result.fallback).toBeUndefined();

    server.enqueue({ content: 'Streaming from responses.' });
    const requestContext = new RequestContext([
      [modelContextKeys.modelOptions, { env: {}, apiKey: 'k', fetch: redirect }],
    ]);
    const stream = await agents.progressCoachAgent.stream('hello', { requestContext });
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toBe('Streaming from responses.');
    expect(server.requests[1]).toMatchObject({ path: '/v1/responses', stream: true });
  });
});
