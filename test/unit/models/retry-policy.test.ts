import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import {
  backoffDelay,
  classifyModelFailure,
  modelTimeoutError,
} from '../../../src/models/retry-policy.ts';
import { httpError } from '../../helpers/mock-models.ts';

describe('classifyModelFailure', () => {
  it.each([
    [429, 'rateLimit', true],
    [500, 'serverError', true],
    [503, 'serverError', true],
    [400, 'clientError', false],
    [401, 'auth', false],
    [403, 'auth', false],
    [404, 'clientError', false],
  ] as const)('HTTP %i is %s (retryable: %s)', (status, kind, retryable) => {
    expect(classifyModelFailure(httpError(status))).toMatchObject({ kind, retryable, status });
  });

  it('reads Retry-After in seconds', () => {
    expect(classifyModelFailure(httpError(429, { 'retry-after': '2' })).retryAfterMs).toBe(2000);
  });

  it('treats our timeout and dropped connections as retryable', () => {
    expect(classifyModelFailure(modelTimeoutError(10))).toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    expect(
      classifyModelFailure(
        Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      ),
    ).toMatchObject({ kind: 'network', retryable: true });
    expect(classifyModelFailure(new AppError('VALIDATION_ERROR', 'x'))).toMatchObject({
      kind: 'unknown',
      retryable: false,
    });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter between half and the full step, capped', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(50);
    expect(backoffDelay(0, { ...opts, random: () => 0.999999 })).toBeCloseTo(100, 0);
    expect(backoffDelay(2, { ...opts, random: () => 0 })).toBe(200);
    expect(backoffDelay(10, { ...opts, random: () => 1 })).toBe(1000);
  });

  it('waits at least what the server asked for, within the cap', () => {
    expect(backoffDelay(0, { baseDelayMs: 100, maxDelayMs: 5000, random: () => 0 }, 3000)).toBe(
      3000,
    );
    expect(backoffDelay(0, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 }, 3000)).toBe(
      1000,
    );
  });
});
