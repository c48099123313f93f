import type { Context } from 'hono';
import { isOperator } from '../access-policy.ts';
import { parseApiKeys, type Principal } from '../api-keys.ts';
import { readKeyCookie } from './key-cookie.ts';

/** Who is looking at a page: the principal of the signed-in key (undefined when auth is off). */
export interface Viewer {
  principal: Principal | undefined;
  operator: boolean;
}

/**
 * Resolves the sign-in cookie against the same key store as the API (`MENTORFLOW_API_KEYS`, parsed
 * by `parseApiKeys`). Without configured keys every caller is an operator, as on the API (start-up
 * refuses to bind a non-loopback host then).
 */
export class PageKeys {
  readonly #keys: Map<string, Principal> | undefined;

  constructor(entries: string[]) {
    this.#keys = entries.length ? parseApiKeys(entries) : undefined;
  }

  /** The principal a pasted key stands for, or null for an unknown key. */
  lookup(key: string): Principal | null | undefined {
    if (!this.#keys) return undefined;
    return this.#keys.get(key.trim()) ?? null;
  }

  /** The viewer of a page request, or null when not signed in (or the key was removed). */
  viewer(c: Context): Viewer | null {
    if (!this.#keys) return { principal: undefined, operator: true };
    const key = readKeyCookie(c);
    const principal = key ? this.#keys.get(key) : undefined;
    if (!principal) return null;
    return { principal, operator: isOperator(principal) };
  }
}
