import type pg from 'pg';
import type { OnError, RetryPolicy, Step } from './schema.ts';
import { acquireBreaker } from '../db/definitions/acquire-breaker.ts';
import { recordBreaker } from '../db/definitions/record-breaker.ts';
import { classify, StepCancelled, StepError } from './step-error.ts';

/** Circuit breaker settings: failures in a row that open it, and how long it stays open. */
export interface BreakerOptions {
  threshold: number;
  cooldownMs: number;
}

/** A step's effective retry policy: its own, the onError shorthand, the definition's default. */
export function retryPolicyOf(
  step: Pick<Step, 'retry' | 'onError'>,
  defaults: RetryPolicy | undefined,
): RetryPolicy {
  const base: RetryPolicy = step.retry ??
    defaults ?? {
      maxAttempts: 1,
      backoff: 'exponential',
      delayMs: 200,
      maxDelayMs: 30_000,
      jitter: 0.2,
      retryOn: ['transient', 'system'],
    };
  const onError: OnError | undefined = step.onError;
  if (onError?.strategy !== 'retry') return base;
  return {
    ...base,
    maxAttempts:
      onError.maxRetries === undefined ? Math.max(base.maxAttempts, 3) : onError.maxRetries + 1,
    backoff: onError.backoff ?? base.backoff,
  };
}

/** Delay before try `attempt + 1` (attempt counts from 1), with jitter; never over `maxDelayMs`. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const raw =
    policy.backoff === 'fixed' ? policy.delayMs : policy.delayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(raw, policy.maxDelayMs);
  const spread = capped * policy.jitter;
  const jittered = Math.round(capped - spread + random() * 2 * spread);
  return Math.max(0, Math.min(policy.maxDelayMs, jittered));
}

/**
 * The work's outcome, or the signal's abort if it comes first: a timeout or a cancel ends the try
 * even when the work does not listen to its signal (an agent answering in rules mode, a tool).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new StepCancelled());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new StepCancelled());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PolicyRun<T> {
  policy: RetryPolicy;
  timeoutMs: number | undefined;
  /** Cancels the step (run cancelled, or its fork joined without it). */
  signal: AbortSignal;
  pool: pg.Pool;
  /** The breaker guarding the target (HTTP origin, agent), if any. */
  breakerKey?: string;
  breaker: BreakerOptions;
  /** Called before each retry (for the event log). */
  onRetry?: (attempt: number, error: StepError, delayMs: number) => Promise<void> | void;
  work: (signal: AbortSignal) => Promise<T>;
}

/**
 * Run a step's work under its policy: each try bounded by `timeoutMs` (a transient failure), refused
 * while its circuit breaker is open (a system failure), retried on the classes of `retryOn` with
 * fixed or exponential backoff and jitter. Returns the output and the tries it took.
 */
export async function runWithPolicy<T>(run: PolicyRun<T>): Promise<{ output: T; tries: number }> {
  for (let attempt = 1; ; attempt++) {
    if (run.signal.aborted) throw new StepCancelled();
    let error: StepError;
    if (run.breakerKey && !(await acquireBreaker(run.pool, run.breakerKey)).allowed) {
      error = new StepError('system', `circuit breaker "${run.breakerKey}" is open`);
    } else {
      const signals = [run.signal];
      if (run.timeoutMs !== undefined) signals.push(AbortSignal.timeout(run.timeoutMs));
      const signal = AbortSignal.any(signals);
      try {
        const output = await untilAborted(run.work(signal), signal);
        if (run.breakerKey) await recordBreaker(run.pool, run.breakerKey, true, run.breaker);
        return { output, tries: attempt };
      } catch (cause) {
        if (run.signal.aborted) throw new StepCancelled();
        const timedOut = signal.aborted && !run.signal.aborted;
        error =
          cause instanceof StepError
            ? cause
            : new StepError(
                timedOut ? 'transient' : classify(cause),
                timedOut
                  ? `timed out after ${run.timeoutMs} ms`
                  : ((cause as Error)?.message ?? String(cause)),
                { cause },
              );
        // Only failures of the target count against it (not a refused request or bad input).
        if (run.breakerKey && ['transient', 'system'].includes(error.errorClass))
          await recordBreaker(run.pool, run.breakerKey, false, run.breaker);
      }
    }
    if (attempt >= run.policy.maxAttempts || !run.policy.retryOn.includes(error.errorClass))
      throw Object.assign(error, { tries: attempt });
    const delay = backoffDelay(run.policy, attempt);
    await run.onRetry?.(attempt, error, delay);
    await sleep(delay, run.signal);
  }
}
