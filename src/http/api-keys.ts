import type { IMastraAuthProvider } from '@mastra/core/server';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors/app-error.ts';
import { assertCookieRequestAllowed, readKeyCookie } from './pages/key-cookie.ts';

/** Who is calling: the key used and, for a learner-scoped key (`key:learnerId`), that learner. */
export interface Principal {
  key: string;
  learnerId?: string;
}

export type AuthVariables = { principal: Principal | undefined };

export function parseApiKeys(entries: string[]): Map<string, Principal> {
  const keys = new Map<string, Principal>();
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const key = at === -1 ? entry : entry.slice(0, at);
    const learnerId = at === -1 ? undefined : entry.slice(at + 1) || undefined;
    keys.set(key, { key, learnerId });
  }
  return keys;
}

/**
 * Bearer-key check for every `/api` route, through the same auth provider Mastra's own routes use.
 * Without a provider (no keys configured) it lets everything through: start-up refuses to bind a
 * non-loopback host in that case.
 */
export function apiKeyAuth(
  provider: IMastraAuthProvider<Principal> | undefined,
): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    if (!provider) {
      c.set('principal', undefined);
      return next();
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
    // The web pages' own requests carry the signed-in key as a cookie instead (same origin only).
    const cookie = header ? undefined : readKeyCookie(c);
    if (cookie !== undefined) assertCookieRequestAllowed(c);
    const token = match ? match[1]! : cookie;
    const principal = token ? await provider.authenticateToken(token, c.req.raw) : null;
    if (!principal) {
      throw new AppError(
        'UNAUTHORIZED',
        token ? 'invalid API key' : 'missing Authorization: Bearer <key> header',
        { field: 'authorization' },
      );
    }
    c.set('principal', principal);
    return next();
  };
}
