import type { IMastraLogger } from '@mastra/core/logger';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors/app-error.ts';
import { checkJsonText, checkQueryAndPath, checkString } from './input-guard.ts';
import { fromMastraError, isOurErrorBody, type SentInput } from './mastra-errors.ts';
import { mastraRoute, PARSED_JSON_BODY } from './mastra-input.ts';

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
    // DELETE too: several of Mastra's DELETE routes take a JSON body.
    if (
      (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') &&
      type.includes('json')
    ) {
      // Read a clone: Mastra's handlers read `c.req.raw.clone()` themselves, which fails once the
      // original stream is consumed.
      const text = await c.req.raw.clone().text();
      if (text.trim() !== '') {
        checkJsonText(text, { maxDepth: MAX_JSON_DEPTH, maxBytes: Number.MAX_SAFE_INTEGER });
        try {
          (c.set as (key: string, value: unknown) => void)(PARSED_JSON_BODY, {
            value: JSON.parse(text),
          });
        } catch (cause) {
          throw new AppError('INVALID_JSON', `body: not valid JSON (${(cause as Error).message})`, {
            field: 'body',
            cause,
          });
        }
      }
    }
    await next();
  };
}

/**
 * Every error answer in mentorflow's one shape `{ error: { code, message, field? } }`, whoever made it.
 * Mastra's standard routes answer in shapes of their own (`{ error: "text", issues }`, `{ error,
 * message }`, a bare 500 with the thrown message); `fromMastraError` rewrites them, naming fields the
 * way the client sent them (`body`, `path.<name>`, `query.<name>`, a body field by its path). A 5xx
 * Mastra answers for a client's mistake or a feature this server does not configure becomes the
 * 4xx it is; any other becomes INTERNAL "internal error", its original text logged, never sent.
 * Bodies already in our shape pass untouched.
 */
export function normaliseErrorBodies(logger?: IMastraLogger): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (isMalformedRedirect(res)) {
      const field = c.req.query('state') === undefined ? 'query' : 'query.state';
      c.res = errorResponse(
        new AppError('VALIDATION_ERROR', 'the redirect this request asks for is not a valid URL', {
          field,
        }),
      );
      return;
    }
    if (res.status < 400) return;
    const type = res.headers.get('content-type') ?? '';
    const text = await res
      .clone()
      .text()
      .catch(() => '');
    let body: unknown;
    try {
      body = type.includes('json') || /^\s*[{[]/.test(text) ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (isOurErrorBody(body)) return;
    const error = fromMastraError(
      res.status,
      body,
      await sentInput(c),
      c.req.method,
      c.req.path,
      mastraRoute(c)?.path,
    );
    if (res.status >= 500) {
      logger?.error(
        `${c.req.method} ${c.req.path} answered ${res.status}; sent as ${error.status} ${error.code}`,
        {
          original: text.slice(0, 2000),
        },
      );
    }
    c.res = errorResponse(error);
  };
}

function errorResponse(error: AppError): Response {
  return new Response(JSON.stringify(error.toJSON()), {
    status: error.status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A redirect to a `Location` no client could follow (Studio's SSO callback builds it from `state`). */
function isMalformedRedirect(res: Response): boolean {
  if (res.status < 300 || res.status >= 400) return false;
  const location = res.headers.get('location');
  return location !== null && !URL.canParse(location, 'http://localhost');
}

/** The request's URL parameters and JSON body, to find the field a quoted value came from. */
async function sentInput(c: Context): Promise<SentInput> {
  let body: unknown;
  if ((c.req.header('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(await c.req.raw.clone().text());
    } catch {
      body = undefined;
    }
  }
  return { path: mastraRoute(c)?.params ?? {}, query: c.req.queries(), body };
}

/** A path as the client meant it; a malformed escape is left as sent (routing answers 404). */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
