import { classifyModelFailure, withTimeout } from '../../src/models/retry-policy.ts';
import type { RetryReason } from '../../src/domain/implementation-run.ts';

/**
 * Seed 003's retry configuration, verbatim. `maxAttempts` counts calls, as the issue reads it ("3
 * attempts"): a call runs at most three times, waiting 1 s then 2 s; the schedule's 4 s step applies
 * only when `maxAttempts` is raised.
 */
export const retryConfig = {
  maxAttempts: 3,
  backoffMs: [1000, 2000, 4000],
  retryOn: ['RATE_LIMIT', 'TIMEOUT'],
} as const;

export interface RetryOptions {
  maxAttempts?: number;
  backoffMs?: readonly number[];
  /** Multiplies every backoff (TIME_SCALE by default). */
  scale?: number;
  /** Time budget of one call; past it the call is aborted and counts as a timeout. */
  timeoutMs: number;
  /** Waits between attempts; injectable so tests don't wait for real. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (the workflow records a `step.retry` event). */
  onRetry?: (retry: {
    attempt: number;
    delayMs: number;
    reason: RetryReason;
    message: string;
  }) => Promise<void> | void;
  /** Aborts the whole operation (the run was cancelled). */
  signal?: AbortSignal;
}

/**
 * Why a failure deserves another attempt, or undefined when it does not. Only rate limits and
 * timeouts qualify (seed 003); validation errors, bad requests and server errors do not. Mastra and
 * the model wrapper may wrap the provider's error, so the cause chain is searched.
 */
export function retryReason(error: unknown): RetryReason | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 6;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const kind = classifyModelFailure(e).kind;
    if (kind === 'rateLimit') return 'rateLimit';
    if (kind === 'timeout') return 'timeout';
    if ((e as { details?: { reason?: unknown } }).details?.reason === 'rateLimit')
      return 'rateLimit';
  }
  return undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Run `call` with a per-attempt timeout, retrying rate limits and timeouts with the seed's backoff. */
export async function withRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? retryConfig.maxAttempts;
  const backoff = options.backoffMs ?? retryConfig.backoffMs;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTimeout(options.timeoutMs, call, options.signal);
    } catch (error) {
      const reason = retryReason(error);
      if (!reason || attempt + 1 >= maxAttempts || options.signal?.aborted) throw error;
      const delayMs = Math.round(
        (backoff[Math.min(attempt, backoff.length - 1)] ?? 0) * (options.scale ?? 1),
      );
      await options.onRetry?.({
        attempt: attempt + 1,
        delayMs,
        reason,
        message:
          error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error),
      });
      await sleep(delayMs);
    }
  }
}
