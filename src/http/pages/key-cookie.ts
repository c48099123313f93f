import type { Context } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import { AppError } from '../../errors/app-error.ts';

/**
 * The signed-in key of the web pages: the API key the user pasted into the sign-in form, kept in an
 * HttpOnly (scripts cannot read it), SameSite=Strict (other sites' requests do not carry it) cookie.
 * Page routes authenticate from it, and the `/api` middleware accepts it for same-origin requests,
 * so the pages' own scripts never hold the key.
 */
export const keyCookieName = 'mentorflow_key';

/** A year: the key itself is what expires (an operator removes it from MENTORFLOW_API_KEYS). */
const maxAgeSeconds = 365 * 24 * 3600;

export function readKeyCookie(c: Context): string | undefined {
  const value = getCookie(c, keyCookieName);
  return value ? value : undefined;
}

/** The `Set-Cookie` value that signs `key` in (HttpOnly, SameSite=Strict, path `/`). */
export function keyCookieHeader(c: Context, key: string): string {
  return generateCookie(keyCookieName, key, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: maxAgeSeconds,
  });
}

/** The `Set-Cookie` value that signs out. */
export function clearKeyCookieHeader(): string {
  return generateCookie(keyCookieName, '', {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: 0,
  });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a request comes from this origin's own pages: the browser's `Sec-Fetch-Site`, else the
 * `Origin` header compared with the request's host. Browsers send one of them on every state-changing
 * request, so a request with neither is not a page's own.
 */
export function isSameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * CSRF guard for requests authenticated by the cookie: a state-changing request must come from
 * this origin. SameSite=Strict already keeps other sites' requests from carrying the cookie; this
 * also refuses same-site but cross-origin pages (another port on the same host).
 */
export function assertCookieRequestAllowed(c: Context): void {
  if (safeMethods.has(c.req.method) || isSameOrigin(c)) return;
  throw new AppError(
    'FORBIDDEN',
    'a request authenticated by the sign-in cookie must come from this origin\u2019s pages',
    { field: 'origin' },
  );
}
