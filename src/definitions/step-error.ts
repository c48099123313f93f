import type { ErrorClass } from './schema.ts';

/** A step's failure, with seed 004's error class (what `retryOn` and the analytics speak). */
export class StepError extends Error {
  readonly errorClass: ErrorClass;

  constructor(errorClass: ErrorClass, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StepError';
    this.errorClass = errorClass;
  }
}

/** The run (or the fork the step is in) was cancelled: not a failure of the step. */
export class StepCancelled extends Error {
  constructor(reason = 'cancelled') {
    super(reason);
    this.name = 'StepCancelled';
  }
}

/**
 * The class of any error a step's work threw: our own StepErrors keep theirs; timeouts and network
 * failures are transient; anything else unexpected is a system error.
 */
export function classify(error: unknown): ErrorClass {
  if (error instanceof StepError) return error.errorClass;
  const e = error as { name?: string; code?: string; message?: string } | undefined;
  if (e?.name === 'TimeoutError') return 'transient';
  if (e?.name === 'TypeError' && /fetch failed/i.test(e.message ?? '')) return 'transient';
  if (e?.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'].includes(e.code))
    return 'transient';
  if (/STRUCTURED_OUTPUT|schema/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`)) return 'business';
  return 'system';
}

/** The class an HTTP status stands for when it is not one the step accepts. */
export function classOfStatus(status: number): ErrorClass {
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status === 409 || status === 422) return 'business';
  return 'permanent';
}
