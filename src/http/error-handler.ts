import type { IMastraLogger } from '@mastra/core/logger';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError } from '../errors/app-error.ts';

/** Known error shapes from libraries, translated into AppError before they reach the client. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'request body is too large');
    if (error.status === 401) return new AppError('UNAUTHORIZED', error.message || 'unauthorized');
    if (error.status === 404) return new AppError('NOT_FOUND', error.message || 'not found');
    if (error.status < 500) return new AppError('VALIDATION_ERROR', error.message || 'bad request');
  }
  if (error instanceof SyntaxError && /JSON/i.test(error.message)) {
    return new AppError('INVALID_JSON', 'request body is not valid JSON', { field: 'body' });
  }
  return new AppError('INTERNAL', 'internal error', { cause: error });
}

/**
 * The one place errors become HTTP responses: `{ error: { code, message, field? } }`. Internals
 * (stack, SQL, causes) go to the log, never to the client.
 */
export function errorHandler(logger: IMastraLogger) {
  return (error: unknown, c: Context) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      logger.error(`${c.req.method} ${c.req.path} failed`, {
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
    return c.json(appError.toJSON(), appError.status as ContentfulStatusCode);
  };
}
