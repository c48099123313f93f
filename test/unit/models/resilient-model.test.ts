import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCircuitBreaker } from '../../../src/models/circuit-breaker.ts';
import {
  fallbackOf,
  withResilience,
  type ResilienceEvent,
} from '../../../src/models/resilient-model.ts';
import { rules } from '../../../src/models/rules/provider.ts';
import { httpError, scriptedModel } from '../../helpers/mock-models.ts';

const schema = z.toJSONSchema(z.object({ answer: z.string() })) as NonNullable<
  Extract<LanguageModelV4CallOptions['responseFormat'], { type: 'json' }>['schema']
>;
const textCall: LanguageModelV4CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
};
const jsonCall: LanguageModelV4CallOptions = {
  ...textCall,
  responseFormat: { type: 'json', schema },
};

function harness(
  script: Parameters<typeof scriptedModel>[0],
  extra: Parameters<typeof withResilience>[1] = {},
) {
  const primary = scriptedModel(script, { provider: 'openai.chat', modelId: 'gpt-test' });
  const delays: number[] = [];
  const events: ResilienceEvent[] = [];
  const model = withResilience(primary, {
    maxRetries: 2,
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: async (ms) => void delays.push(ms),
    fallback: rules('hint-giver'),
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { primary, model, delays, events };
}

const text = (r: Awaited<ReturnType<ReturnType<typeof withResilience>['doGenerate']>>) =>
  r.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

async function readAll(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

describe('withResilience', () => {
  it('retries 429 and 5xx with exponential backoff, then succeeds without a fallback', async () => {
    const { model, primary, delays } = harness([httpError(429), httpError(503), 'fine']);
    const result = await model.doGenerate(textCall);
    expect(text(result)).toBe('fine');
    expect(primary.calls).toHaveLength(3);
    expect(delays).toEqual([75, 150]);
    expect(fallbackOf(result.providerMetadata)).toBeUndefined();
  });

  it.each([400, 401])(
    'does not retry HTTP %i and answers from the fallback, recording why',
    async (status) => {
      const { model, primary, delays } = harness([httpError(status), 'never']);
      const result = await model.doGenerate(textCall);
      expect(primary.calls).toHaveLength(1);
      expect(delays).toEqual([]);
      expect(text(result)).toContain('(rules mode)');
      expect(fallbackOf(result.providerMetadata)).toMatchObject({
        from: 'openai/gpt-test',
        to: 'rules/hint-giver',
        reason: status === 401 ? 'auth' : 'clientError',
        attempts: 1,
      });
      expect(result.providerMetadata?.rules).toMatchObject({ mode: 'rules' });
    },
  );

  it('falls back after the retry budget is spent', async () => {
    const { model, primary, events } = harness([httpError(500)]);
    const result = await model.doGenerate(textCall);
    expect(primary.calls).toHaveLength(3);
    expect(fallbackOf(result.providerMetadata)).toMatchObject({
      reason: 'serverError',
      attempts: 3,
    });
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('retries malformed structured output once, then falls back with schema-valid JSON', async () => {
    const { model, primary, delays } = harness([
      'not json {',
      '{"wrong": true}',
      '{"answer":"late"}',
    ]);
    const result = await model.doGenerate(jsonCall);
    expect(primary.calls).toHaveLength(2);
    expect(delays).toEqual([]);
    expect(fallbackOf(result.providerMetadata)).toMatchObject({
      reason: 'malformedOutput',
      detail: '$.answer: required',
    });
    expect(z.object({ answer: z.string() }).safeParse(JSON.parse(text(result))).success).toBe(true);
  });

  it('accepts valid structured output on the second try', async () => {
    const { model } = harness(['{"answer": 1}', '{"answer":"ok"}']);
    const result = await model.doGenerate(jsonCall);
    expect(JSON.parse(text(result))).toEqual({ answer: 'ok' });
    expect(fallbackOf(result.providerMetadata)).toBeUndefined();
  });

  it('times out a hanging call, retries, then falls back', async () => {
    const hang = () => new Promise<never>(() => undefined);
    const primary = scriptedModel(['unused']);
    primary.doGenerate = hang;
    const model = withResilience(primary, {
      timeoutMs: 20,
      maxRetries: 1,
      sleep: async () => undefined,
      fallback: rules('hint-giver'),
    });
    const started = Date.now();
    const result = await model.doGenerate(textCall);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fallbackOf(result.providerMetadata)).toMatchObject({ reason: 'timeout', attempts: 2 });
  });

  it('opens the circuit after consecutive failures and skips the model while open', async () => {
    let now = 0;
    const breaker = createCircuitBreaker('m', {
      failureThreshold: 2,
      cooldownMs: 1000,
      now: () => now,
    });
    const { model, primary } = harness([httpError(500), httpError(500), 'recovered'], {
      breaker,
      maxRetries: 0,
    });
    await model.doGenerate(textCall);
    await model.doGenerate(textCall);
    expect(breaker.state()).toBe('open');
    const skipped = await model.doGenerate(textCall);
    expect(primary.calls).toHaveLength(2);
    expect(fallbackOf(skipped.providerMetadata)).toMatchObject({
      reason: 'circuitOpen',
      attempts: 0,
    });
    now = 1000;
    const trial = await model.doGenerate(textCall);
    expect(text(trial)).toBe('recovered');
    expect(breaker.state()).toBe('closed');
  });

  it('without a fallback, a final failure throws MODEL_ERROR', async () => {
    const { model } = harness([httpError(401)], { fallback: undefined });
    await expect(model.doGenerate(textCall)).rejects.toMatchObject({ code: 'MODEL_ERROR' });
  });

  it('streams text from the primary, and falls back when the stream fails before any content', async () => {
    const ok = harness(['streamed text']);
    const parts = await readAll((await ok.model.doStream(textCall)).stream);
    expect(
      parts
        .filter((p) => p.type === 'text-delta')
        .map((p) => (p as { delta: string }).delta)
        .join(''),
    ).toBe('streamed text');

    const failing = harness([httpError(500)], { maxRetries: 1 });
    const fallbackParts = await readAll((await failing.model.doStream(textCall)).stream);
    const finish = fallbackParts.find((p) => p.type === 'finish') as Extract<
      LanguageModelV4StreamPart,
      { type: 'finish' }
    >;
    expect(fallbackOf(finish.providerMetadata)).toMatchObject({
      reason: 'serverError',
      attempts: 2,
    });
    expect(
      fallbackParts
        .filter((p) => p.type === 'text-delta')
        .map((p) => (p as { delta: string }).delta)
        .join(''),
    ).toContain('(rules mode)');
  });

  it('passes streamed structured output on as it comes: checking it is the caller’s', async () => {
    const { model, primary } = harness(['{"nope":1}', '{"still":"bad"}']);
    const parts = await readAll((await model.doStream(jsonCall)).stream);
    // One call, its text as the model sent it: runAgentAction retries it or lets rules mode answer.
    expect(primary.calls).toHaveLength(1);
    const json = parts
      .filter((p) => p.type === 'text-delta')
      .map((p) => (p as { delta: string }).delta)
      .join('');
    expect(JSON.parse(json)).toEqual({ nope: 1 });
  });
});
