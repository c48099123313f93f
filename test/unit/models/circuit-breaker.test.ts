import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../../src/models/circuit-breaker.ts';

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and half-opens after the cool-down', () => {
    let now = 1_000;
    const breaker = createCircuitBreaker('m', {
      failureThreshold: 3,
      cooldownMs: 500,
      now: () => now,
    });
    expect(breaker.state()).toBe('closed');
    breaker.onFailure();
    breaker.onFailure();
    expect(breaker.allow()).toBe(true);
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    expect(breaker.allow()).toBe(false);
    now += 499;
    expect(breaker.allow()).toBe(false);
    now += 1;
    expect(breaker.state()).toBe('halfOpen');
    expect(breaker.allow()).toBe(true);
    // Only one trial call at a time.
    expect(breaker.allow()).toBe(false);
  });

  it('closes on a successful trial and reopens on a failed one', () => {
    let now = 0;
    const breaker = createCircuitBreaker('m', {
      failureThreshold: 1,
      cooldownMs: 100,
      now: () => now,
    });
    breaker.onFailure();
    now = 100;
    expect(breaker.allow()).toBe(true);
    breaker.onFailure();
    expect(breaker.state()).toBe('open');
    now = 200;
    expect(breaker.allow()).toBe(true);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
    expect(breaker.failures()).toBe(0);
  });

  it('a success resets the consecutive count', () => {
    const breaker = createCircuitBreaker('m', { failureThreshold: 2 });
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state()).toBe('closed');
  });
});
