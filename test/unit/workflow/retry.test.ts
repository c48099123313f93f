import { APICallError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import { retryConfig, retryReason, withRetry } from '../../../workflows/implementation/retry.ts';

const apiError = (statusCode: number) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://model.test',
    requestBodyValues: {},
    statusCode,
    isRetryable: true,
  });

describe('retryReason', () => {
  it('retries rate limits and timeouts only (seed 003: RATE_LIMIT, TIMEOUT)', () => {
    expect(retryConfig).toEqual({
      maxAttempts: 3,
      backoffMs: [1000, 2000, 4000],
      retryOn: ['RATE_LIMIT', 'TIMEOUT'],
    });
    expect(retryReason(apiError(429))).toBe('rateLimit');
    expect(retryReason(apiError(408))).toBe('timeout');
    expect(
      retryReason(new AppError('MODEL_ERROR', 'timed out', { details: { reason: 'timeout' } })),
    ).toBe('timeout');
    expect(
      retryReason(
        new AppError('MODEL_ERROR', 'openai failed (rateLimit)', {
          details: { reason: 'rateLimit' },
        }),
      ),
    ).toBe('rateLimit');
    expect(retryReason(new Error('wrapped', { cause: apiError(429) }))).toBe('rateLimit');
    expect(retryReason(apiError(500))).toBeUndefined();
    expect(retryReason(apiError(400))).toBeUndefined();
    expect(
      retryReason(new AppError('VALIDATION_ERROR', 'bad', { field: 'steps' })),
    ).toBeUndefined();
    expect(retryReason(new Error('Structured output validation failed'))).toBeUndefined();
  });
});

describe('withRetry', () => {
  it('makes three attempts, waiting 1 s then 2 s (scaled), then gives up with the last error', async () => {
    const waits: number[] = [];
    const retries: number[] = [];
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw apiError(429);
      },
      {
        timeoutMs: 1000,
        scale: 0.5,
        sleep: async (ms) => void waits.push(ms),
        onRetry: (r) => void retries.push(r.attempt),
      },
    );
    await expect(failing).rejects.toMatchObject({ statusCode: 429 });
    expect(calls).toBe(3);
    expect(waits).toEqual([500, 1000]);
    expect(retries).toEqual([1, 2]);
  });

  it('uses the 4 s step of the schedule when more attempts are allowed', async () => {
    const waits: number[] = [];
    const failing = withRetry(
      async () => {
        throw apiError(429);
      },
      { timeoutMs: 1000, maxAttempts: 4, sleep: async (ms) => void waits.push(ms) },
    );
    await expect(failing).rejects.toMatchObject({ statusCode: 429 });
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('returns the first success and passes an abort signal that fires on timeout', async () => {
    const signals: AbortSignal[] = [];
    let calls = 0;
    const value = await withRetry(
      async (signal) => {
        signals.push(signal);
        if (calls++ === 0)
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
        return 'done';
      },
      { timeoutMs: 30, sleep: async () => undefined },
    );
    expect(value).toBe('done');
    expect(calls).toBe(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw apiError(401);
        },
        { timeoutMs: 1000, sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ statusCode: 401 });
    expect(calls).toBe(1);
  });
});
