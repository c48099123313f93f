import { MastraAuthProvider } from '@mastra/core/server';
import { parseApiKeys, type Principal } from './api-keys.ts';

/**
 * mentorflow's API keys as a Mastra auth provider, so Mastra's own routes (the ones Studio and
 * `@mastra/client-js` call) are guarded by the same keys as the product routes, in `npm start`,
 * `mastra dev` and the `mastra build` output alike. A learner-scoped key (`key:learnerId`) maps to
 * that learner as the memory resource.
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

  /** Every authenticated key may call the route; finer scopes are checked by the routes themselves. */
  authorizeUser(): boolean {
    return true;
  }

  override mapUserToResourceId(user: Principal): string | undefined {
    return user.learnerId;
  }
}
