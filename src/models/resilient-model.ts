import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { AppError } from '../errors/app-error.ts';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.ts';
import { checkJsonSchema, unwrapJsonText } from './json-schema-check.ts';
import {
  backoffDelay,
  classifyModelFailure,
  sleep as defaultSleep,
  withTimeout,
  type BackoffOptions,
} from './retry-policy.ts';

/** Why a call was answered by the fallback model instead of the configured one. */
export type FallbackReason =
  | 'rateLimit'
  | 'serverError'
  | 'timeout'
  | 'network'
  | 'clientError'
  | 'auth'
  | 'unknown'
  | 'circuitOpen'
  | 'malformedOutput';

/** Recorded on every fallback: returned to the caller and put on provider metadata under `mentorflow.fallback`. */
export interface FallbackRecord {
  /** The model that failed, as `provider/model-id`. */
  from: string;
  /** The model that answered instead. */
  to: string;
  reason: FallbackReason;
  /** One line of detail (status, validation problem). */
  detail: string;
  /** Attempts made on the primary model before giving up (0 when the circuit was open). */
  attempts: number;
}

export interface ResilienceOptions extends BackoffOptions {
  /** Retries after the first attempt for transient failures. Default 2. */
  maxRetries?: number;
  /** Time budget per attempt (generate: whole call; stream: until the first content). Default 30 s. */
  timeoutMs?: number;
  /** Breaker shared by every caller of this model; default a private one. */
  breaker?: CircuitBreaker;
  /** Model that answers when the primary fails; without one, failures throw MODEL_ERROR. */
  fallback?: LanguageModelV4;
  /** Waits between retries; injectable so tests don't wait for real. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called on every retry and fallback (logging, tests). */
  onEvent?: (event: ResilienceEvent) => void;
}

export type ResilienceEvent =
  | {
      type: 'retry';
      model: string;
      attempt: number;
      delayMs: number;
      reason: FallbackReason;
      detail: string;
    }
  | { type: 'fallback'; record: FallbackRecord };

type Failure = {
  reason: FallbackReason;
  detail: string;
  retryable: boolean;
  retryAfterMs?: number;
  transport: boolean;
};

/**
 * Wrap `primary` with timeouts, retries (exponential backoff with jitter, transient failures only),
 * a circuit breaker and a fallback model. Structured (JSON) answers that are not valid JSON or do not
 * match the requested schema are retried once, then answered by the fallback. The result is itself a
 * LanguageModelV4, so Mastra agents use it like any model.
 */
export function withResilience(
  primary: LanguageModelV4,
  options: ResilienceOptions = {},
): LanguageModelV4 {
  const name = `${primary.provider.split('.')[0]}/${primary.modelId}`;
  const maxRetries = options.maxRetries ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const breaker = options.breaker ?? createCircuitBreaker(name);
  const wait = options.sleep ?? defaultSleep;

  /** Runs attempts until one succeeds or the failure is final; returns the success or the final failure. */
  async function attempt<T>(
    call: LanguageModelV4CallOptions,
    once: (signal: AbortSignal) => Promise<T>,
    validate: (value: T) => string | undefined,
  ) {
    if (!breaker.allow())
      return {
        failure: {
          reason: 'circuitOpen',
          detail: `circuit open for ${name}`,
          retryable: false,
          transport: true,
        } as Failure,
        attempts: 0,
      };
    let malformedRetried = false;
    for (let n = 0; ; n++) {
      let failure: Failure;
      try {
        const value = await withTimeout(timeoutMs, once, call.abortSignal);
        const problem = validate(value);
        if (!problem) {
          breaker.onSuccess();
          return { value, attempts: n + 1 };
        }
        failure = {
          reason: 'malformedOutput',
          detail: problem,
          retryable: !malformedRetried,
          transport: false,
        };
        malformedRetried = true;
      } catch (error) {
        if (call.abortSignal?.aborted) throw error;
        const c = classifyModelFailure(error);
        if (c.kind === 'malformedResponse') {
          failure = {
            reason: 'malformedOutput',
            detail: c.message,
            retryable: !malformedRetried,
            transport: false,
          };
          malformedRetried = true;
        } else {
          failure = {
            reason: c.kind,
            detail: c.message,
            retryable: c.retryable,
            retryAfterMs: c.retryAfterMs,
            transport: true,
          };
        }
      }
      // A malformed answer means the model is up: it does not count towards opening the circuit.
      if (failure.transport) breaker.onFailure();
      const budgetLeft = failure.transport ? n < maxRetries : true;
      if (!failure.retryable || !budgetLeft || breaker.state() !== 'closed')
        return { failure, attempts: n + 1 };
      const delayMs = failure.transport ? backoffDelay(n, options, failure.retryAfterMs) : 0;
      options.onEvent?.({
        type: 'retry',
        model: name,
        attempt: n + 1,
        delayMs,
        reason: failure.reason,
        detail: failure.detail,
      });
      if (delayMs > 0) await wait(delayMs, call.abortSignal);
    }
  }

  function fallbackFor(
    failure: Failure,
    attempts: number,
  ): { model: LanguageModelV4; record: FallbackRecord } {
    if (!options.fallback) {
      throw new AppError('MODEL_ERROR', `${name} failed (${failure.reason}): ${failure.detail}`, {
        details: { reason: failure.reason },
      });
    }
    const record: FallbackRecord = {
      from: name,
      to: `${options.fallback.provider.split('.')[0]}/${options.fallback.modelId}`,
      reason: failure.reason,
      detail: failure.detail,
      attempts,
    };
    options.onEvent?.({ type: 'fallback', record });
    return { model: options.fallback, record };
  }

  return {
    specificationVersion: 'v4',
    provider: primary.provider,
    modelId: primary.modelId,
    get supportedUrls() {
      return primary.supportedUrls;
    },

    async doGenerate(call) {
      const result = await attempt(
        call,
        (signal) => Promise.resolve(primary.doGenerate({ ...call, abortSignal: signal })),
        (r) => structuredProblem(call, textOf(r)),
      );
      if ('value' in result) return result.value as LanguageModelV4GenerateResult;
      const { model, record } = fallbackFor(result.failure, result.attempts);
      const answer = await model.doGenerate(call);
      return { ...answer, providerMetadata: withFallback(answer.providerMetadata, record) };
    },

    async doStream(call) {
      // Passed on from its first content part, JSON included, so a learner sees the reply as the
      // model writes it: failures before that part are retried here and fall back to rules mode;
      // after it (a broken stream, JSON outside its schema), the caller retries or falls back
      // (`runAgentAction`, which also tells the live reply to start over).
      const result = await attempt(
        call,
        async (signal) => peekFirst(await primary.doStream({ ...call, abortSignal: signal })),
        () => undefined,
      );
      if ('value' in result) return replay(result.value as Buffered);
      const { model, record } = fallbackFor(result.failure, result.attempts);
      const answer = await model.doStream(call);
      return {
        ...answer,
        stream: answer.stream.pipeThrough(
          new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
            transform(part, controller) {
              controller.enqueue(
                part.type === 'finish'
                  ? { ...part, providerMetadata: withFallback(part.providerMetadata, record) }
                  : part,
              );
            },
          }),
        ),
      };
    },
  };
}

/** The fallback record a result carries, if any. */
export function fallbackOf(
  providerMetadata: SharedV4ProviderMetadata | Record<string, unknown> | undefined,
): FallbackRecord | undefined {
  const meta = (
    providerMetadata as Record<string, { fallback?: FallbackRecord } | undefined> | undefined
  )?.mentorflow;
  return meta?.fallback;
}

function withFallback(
  meta: SharedV4ProviderMetadata | undefined,
  record: FallbackRecord,
): SharedV4ProviderMetadata {
  return { ...meta, mentorflow: { ...meta?.mentorflow, fallback: { ...record } } };
}

function structuredProblem(call: LanguageModelV4CallOptions, text: string): string | undefined {
  if (call.responseFormat?.type !== 'json') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(unwrapJsonText(text));
  } catch {
    return `not JSON: ${text.slice(0, 80)}`;
  }
  return checkJsonSchema(value, call.responseFormat.schema);
}

function textOf(result: LanguageModelV4GenerateResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
}

interface Buffered {
  head: Omit<LanguageModelV4StreamResult, 'stream'>;
  parts: LanguageModelV4StreamPart[];
  /** Rest of the stream not read yet (text mode after the first content part). */
  rest?: ReadableStreamDefaultReader<LanguageModelV4StreamPart>;
}

const contentTypes = new Set([
  'text-delta',
  'tool-call',
  'tool-input-start',
  'reasoning-delta',
  'file',
]);

async function peekFirst(started: LanguageModelV4StreamResult): Promise<Buffered> {
  const { stream, ...head } = started;
  const reader = stream.getReader();
  const parts: LanguageModelV4StreamPart[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { head, parts };
    if (value.type === 'error') {
      reader.cancel().catch(() => undefined);
      throw value.error;
    }
    parts.push(value);
    if (contentTypes.has(value.type)) return { head, parts, rest: reader };
  }
}

function replay(buffered: Buffered): LanguageModelV4StreamResult {
  const { head, parts, rest } = buffered;
  return {
    ...head,
    stream: new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        if (!rest) controller.close();
      },
      async pull(controller) {
        if (!rest) return;
        const { value, done } = await rest.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return rest?.cancel(reason);
      },
    }),
  };
}
