import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/definitions/policy.ts';
import type { RetryPolicy } from '../../../src/definitions/schema.ts';

const policy: RetryPolicy = {
  maxAttempts: 6,
  backoff: 'exponential',
  delayMs: 100,
  maxDelayMs: 1_000,
  jitter: 0.2,
  retryOn: ['transient'],
};
const low = () => 0;
const high = () => 0.999_999;

describe('backoffDelay', () => {
  it('doubles from delayMs, spread by ±jitter', () => {
    expect([1, 2, 3].map((a) => backoffDelay(policy, a, low))).toEqual([80, 160, 320]);
    expect([1, 2, 3].map((a) => backoffDelay(policy, a, high))).toEqual([120, 240, 480]);
    expect(backoffDelay({ ...policy, backoff: 'fixed' }, 5, high)).toBe(120);
  });

  it('never waits more than maxDelayMs, jitter included', () => {
    expect(backoffDelay(policy, 4, high)).toBe(960);
    for (const attempt of [5, 6, 20]) {
      expect(backoffDelay(policy, attempt, high)).toBe(1_000);
      expect(backoffDelay(policy, attempt, low)).toBe(800);
    }
    expect(backoffDelay({ ...policy, backoff: 'fixed', delayMs: 5_000 }, 1, high)).toBe(1_000);
  });
});
