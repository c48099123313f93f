import { MastraAuthProvider } from '@mastra/core/server';
import { isOperator } from './access-policy.ts';
import { parseApiKeys, type Principal } from './api-keys.ts';

/**
 * mentorflow's API keys as a Mastra auth provider, so Mastra's own routes (the ones Studio and
 * `@mastra/client-js` call) are guarded by the same keys as the product routes, in `npm start`,
 * `mastra dev` and the `mastra build` output alike.
 */
export class ApiKeyAuthProvider extends MastraAuthProvider<Principal> {
  readonly #keys: Map<string, Principal>;

  constructor(entries: string[]) {
    super({ name: 'mentorflow-api-keys' });
    this.#keys = parseApiKeys(entries);
  }

  /** The principal of a configured key, else null (Mastra answers 401). */
  async authenticateToken(token: string): Promise<Principal | null> {
    return this.#keys.get(token.trim()) ?? null;
  }

  /**
   * Mastra's standard routes (memory, threads, agents, workflow runs, scores, logs) are for operator
   * keys: through them a learner key could read or write another learner's conversation. The
   * product's session routes, which scope every read to the key's learner, are answered before.
   */
  authorizeUser(user: Principal): boolean {
    return isOperator(user);
  }

  /**
   * API keys have no single sign-on, so Studio never starts one (no `getLoginUrl`), yet Mastra serves
   * `/api/auth/sso/callback` to anyone, without server middleware or `onError`. Without this method
   * Mastra answers it with `Response.redirect(<URL built from the request's state>)`, which throws on
   * a malformed state (`a|b c`) and becomes a 500 under `mastra dev` and the built server. Signing
   * nobody in, Mastra only sets the redirect's `Location` and answers 302 (`npm start` turns a
   * malformed one into a 400 naming `query.state`: `normaliseErrorBodies`).
   */
  async handleCallback(): Promise<{ user: null; cookies: string[] }> {
    return { user: null, cookies: [] };
  }

  // No `mapUserToResourceId`, although Mastra warns about it at start-up: Mastra wants a resource id
  // for every authenticated user and answers 500 when it gets none, while an operator key has no
  // learner and must reach every learner's threads. Learner keys never reach Mastra's memory, thread
  // or run routes (`authorizeUser` above), so there is nothing for the mapping to scope. (A method
  // here would be shadowed anyway: MastraAuthProvider's constructor assigns the option's value.)
}
