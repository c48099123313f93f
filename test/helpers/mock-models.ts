import type {
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

/**
 * Scripted `MockLanguageModelV4`s for agent and model tests. A script is a list of steps, one per
 * call (doGenerate or doStream alike); the last step repeats. A step is the text to answer, an
 * object (answered as JSON), an Error to throw, or a function of the call options.
 */
export type ScriptStep =
  | string
  | object
  | Error
  | ((options: LanguageModelV4CallOptions) => string | object | Error);

export function usage(inputTokens = 12, outputTokens = 7): LanguageModelV4Usage {
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}

function resolveStep(step: ScriptStep, options: LanguageModelV4CallOptions): string | Error {
  const value = typeof step === 'function' ? step(options) : step;
  if (value instanceof Error || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A mock model that follows `script`; `calls` lists every call's options in order. */
export function scriptedModel(
  script: ScriptStep[],
  { modelId = 'mock-model', provider = 'mock' } = {},
) {
  let index = 0;
  const calls: LanguageModelV4CallOptions[] = [];
  const next = (options: LanguageModelV4CallOptions) => {
    calls.push(options);
    const step = script[Math.min(index++, script.length - 1)]!;
    return resolveStep(step, options);
  };
  const model = new MockLanguageModelV4({
    provider,
    modelId,
    doGenerate: async (options): Promise<LanguageModelV4GenerateResult> => {
      const out = next(options);
      if (out instanceof Error) throw out;
      return {
        content: [{ type: 'text', text: out }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(),
        warnings: [],
      };
    },
    doStream: async (options) => {
      const out = next(options);
      if (out instanceof Error) throw out;
      return { stream: textStream(out) };
    },
  });
  return Object.assign(model, { calls });
}

/** Stream parts that deliver `text` in a few deltas, then finish. */
export function textStream(text: string, chunk = 8): ReadableStream<LanguageModelV4StreamPart> {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
  ];
  for (let i = 0; i < text.length; i += chunk)
    parts.push({ type: 'text-delta', id: 't', delta: text.slice(i, i + chunk) });
  parts.push(
    { type: 'text-end', id: 't' },
    { type: 'finish', usage: usage(), finishReason: { unified: 'stop', raw: 'stop' } },
  );
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(p);
      controller.close();
    },
  });
}

/** An APICallError as the OpenAI provider throws it for an HTTP status. */
export function httpError(statusCode: number, headers: Record<string, string> = {}): APICallError {
  return new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseHeaders: headers,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });
}
