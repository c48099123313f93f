import type { z } from 'zod';
import { parseOrThrow } from '../errors/zod-error.ts';

/**
 * Parse a JSON request body or throw VALIDATION_ERROR naming the field by its path in the body
 * (`story.title`, `requirements.0`) — the way Mastra's standard routes and the services behind our
 * routes name fields, so one request never reports the same field under two names. A body that is
 * not an object at all is the field `body`.
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return parseOrThrow(schema, value, { root: 'body' });
}
