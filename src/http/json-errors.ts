import type { MiddlewareHandler } from 'hono';
import { AppError, type ErrorCode } from '../errors/app-error.ts';
import { checkJsonText, checkQueryAndPath, checkString } from './input-guard.ts';

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Deepest JSON accepted: far beyond any real payload, far below what a recursive consumer survives. */
const MAX_JSON_DEPTH = 64;

/**
 * Reject input no handler should see, so every route (ours and Mastra's) answers it the same way
 * and nothing is written: NUL characters and unpaired surrogates in the path, the query or any JSON
 * string (PostgreSQL refuses them mid-write), JSON nested deeper than 64, and a body that is not
 * JSON (400 INVALID_JSON naming `body`). Each 400 names the field as the client sent it. The
 * original body stream is left unread for the handlers.
 */
export function requireJsonBody(): MiddlewareHandler {
  return async (c, next) => {
    checkString(safeDecode(c.req.path), 'path');
    checkQueryAndPath(c.req.query(), 'query');
    const method = c.req.method;
    const type = c.req.header('content-type') ?? '';
    if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && type.includes('json')) {
      // Read a clone: Mastra's handlers read `c.req.raw.clone()` themselves, which fails once the
      // original stream is consumed.
      const text = await c.req.raw.clone().text();
      if (text.trim() !== '') {
        checkJsonText(text, { maxDepth: MAX_JSON_DEPTH, maxBytes: Number.MAX_SAFE_INTEGER });
        try {
          JSON.parse(text);
        } catch (cause) {
          throw new AppError('INVALID_JSON', `body: not valid JSON (${(cause as Error).message})`, { field: 'body', cause });
        }
      }
    }
    await next();
  };
}

/**
 * Mastra's standard routes answer client errors as `{ error: "text", issues?: [{ field, message }] }`;
 * rewrite those into mentorflow's one error shape `{ error: { code, message, field? } }` so a client
 * handles a single format. Bodies already in our shape and non-JSON responses pass untouched.
 */
export function normaliseErrorBodies(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (res.status < 400 || res.status >= 500 || !(res.headers.get('content-type') ?? '').includes('application/json')) return;
    const body = (await res.clone().json().catch(() => undefined)) as { error?: unknown; issues?: { field?: string; message?: string }[] } | undefined;
    if (!body || typeof body.error !== 'string') return;
    const first = body.issues?.[0];
    const field = first?.field;
    const message = first?.message ? `${field ? `${field}: ` : ''}${first.message}` : body.error;
    const code = codeByStatus[res.status] ?? 'VALIDATION_ERROR';
    c.res = new Response(JSON.stringify({ error: { code, message, ...(field ? { field } : {}), ...(body.issues ? { issues: body.issues } : {}) } }), {
      status: res.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** A path as the client meant it; a malformed escape is left as sent (routing answers 404). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
