/**
 * A circuit breaker per model: after `failureThreshold` consecutive failures the circuit opens and
 * calls go straight to the fallback; after `cooldownMs` one trial call is let through (half-open).
 * Its success closes the circuit, its failure opens it again for another cool-down.
 */
export type CircuitState = 'closed' | 'open' | 'halfOpen';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before a trial call. Default 30 s. */
  cooldownMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

export interface CircuitBreaker {
  readonly key: string;
  /** Current state, moving open → halfOpen once the cool-down has passed. */
  state(): CircuitState;
  /** Whether a call may go to the model now. In half-open state only one trial call is allowed at a time. */
  allow(): boolean;
  onSuccess(): void;
  onFailure(): void;
  /** Consecutive failures counted so far. */
  failures(): number;
}

export function createCircuitBreaker(
  key: string,
  options: CircuitBreakerOptions = {},
): CircuitBreaker {
  const threshold = options.failureThreshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let consecutive = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  const state = (): CircuitState => {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= cooldownMs ? 'halfOpen' : 'open';
  };

  return {
    key,
    state,
    allow() {
      const s = state();
      if (s === 'closed') return true;
      if (s === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    onSuccess() {
      consecutive = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    onFailure() {
      consecutive += 1;
      const wasTrial = trialInFlight;
      trialInFlight = false;
      if (wasTrial || consecutive >= threshold) openedAt = now();
    },
    failures: () => consecutive,
  };
}

const registry = new Map<string, CircuitBreaker>();

/** The process-wide breaker for a model key (e.g. `openai/gpt-4o-mini@https://api.openai.com/v1`). */
export function circuitBreakerFor(key: string, options?: CircuitBreakerOptions): CircuitBreaker {
  let breaker = registry.get(key);
  if (!breaker) {
    breaker = createCircuitBreaker(key, options);
    registry.set(key, breaker);
  }
  return breaker;
}

/** Forget every breaker (tests). */
export function resetCircuitBreakers(): void {
  registry.clear();
}
