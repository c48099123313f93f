import { APICallError, InvalidResponseDataError, JSONParseError, TypeValidationError } from 'ai';
import { AppError } from '../errors/app-error.ts';

/**
 * Which model failures are worth another attempt. Rate limits, server errors, timeouts and dropped
 * connections are transient; a 400/401/403/404 will fail the same way again, so it goes straight to
 * the fallback.
 */
export type ModelFailureKind =
  | 'rateLimit'
  | 'serverError'
  | 'timeout'
  | 'network'
  | 'clientError'
  | 'auth'
  | 'malformedResponse'
  | 'unknown';

export interface ModelFailure {
  kind: ModelFailureKind;
  retryable: boolean;
  status?: number;
  /** Server-requested wait (Retry-After), in ms. */
  retryAfterMs?: number;
  /** One line for logs and the recorded fallback reason. */
  message: string;
}

/** Error thrown by the resilient model when a call exceeded its time budget. */
export function modelTimeoutError(ms: number): AppError {
  return new AppError('MODEL_ERROR', `model call timed out after ${ms} ms`, {
    details: { reason: 'timeout' },
  });
}

export function classifyModelFailure(error: unknown): ModelFailure {
  if (error instanceof AppError && error.details?.reason === 'timeout') {
    return { kind: 'timeout', retryable: true, message: error.message };
  }
  // A body that is not the JSON the provider expects: worth one more try, like malformed output.
  if (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error)
  ) {
    return { kind: 'malformedResponse', retryable: true, message: firstLine(error.message) };
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status !== undefined && status < 300)
      return {
        kind: 'malformedResponse',
        retryable: true,
        status,
        message: `HTTP ${status}: ${firstLine(error.message)}`,
      };
    const retryAfterMs = parseRetryAfter(error.responseHeaders?.['retry-after']);
    const base = {
      status,
      retryAfterMs,
      message: `HTTP ${status ?? '?'}: ${firstLine(error.message)}`,
    };
    if (status === 429) return { ...base, kind: 'rateLimit', retryable: true };
    if (status !== undefined && status >= 500)
      return { ...base, kind: 'serverError', retryable: true };
    if (status === 401 || status === 403) return { ...base, kind: 'auth', retryable: false };
    if (status === 408) return { ...base, kind: 'timeout', retryable: true };
    if (status !== undefined && status >= 400)
      return { ...base, kind: 'clientError', retryable: false };
    // No status: the request never got an answer (connection refused/reset).
    return { ...base, kind: 'network', retryable: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  if (
    /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR|socket hang up|fetch failed/i.test(
      `${code ?? ''} ${message}`,
    )
  ) {
    return { kind: 'network', retryable: true, message: firstLine(message) };
  }
  return { kind: 'unknown', retryable: false, message: firstLine(message) };
}

export interface BackoffOptions {
  /** First retry waits about this long. Default 500 ms. */
  baseDelayMs?: number;
  /** No wait is longer than this. Default 8 s. */
  maxDelayMs?: number;
  /** Random source in [0, 1), injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0-based): exponential with "equal jitter" (half fixed, half
 * random) so parallel callers spread out, raised to the server's Retry-After when it asked for more.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  retryAfterMs?: number,
): number {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8_000;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** attempt);
  const jittered = exp / 2 + (exp / 2) * random();
  return Math.min(max, Math.max(jittered, retryAfterMs ?? 0));
}

/** Sleep that ends early (rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}

/**
 * Run `call` with an abort signal that fires after `ms` (or when `outer` aborts), rejecting with the
 * model-timeout error the retry policy recognises. The race matters for providers that ignore the signal.
 */
export async function withTimeout<T>(
  ms: number,
  call: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = modelTimeoutError(ms);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([call(signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
