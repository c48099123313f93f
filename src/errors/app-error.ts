/**
 * The one error type of mentorflow. Every failure the user can cause or see is an AppError with a
 * stable `code`; `src/http/error-handler.ts` is the only place that turns it into an HTTP response and
 * the CLI prints `message` and exits non-zero.
 */
export const errorStatus = {
  VALIDATION_ERROR: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  GUARD_REJECTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Well-formed but not acceptable as sent, e.g. an Idempotency-Key re-used with another body.
  UNPROCESSABLE: 422,
  CONFIG_ERROR: 500,
  DATABASE_ERROR: 503,
  MODEL_ERROR: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface AppErrorOptions {
  /** The input field at fault (dotted path for nested fields), when there is one. */
  field?: string;
  /** Extra machine-readable data returned to the client (e.g. the allowed events). Never internals. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.field = options.field;
    this.details = options.details;
  }

  /** The JSON body sent to clients: `{ error: { code, message, field?, ...details } }`. */
  toJSON(): { error: Record<string, unknown> } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ?? {}),
      },
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
