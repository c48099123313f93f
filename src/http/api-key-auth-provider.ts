import { MastraAuthProvider } from '@mastra/core/server';
import { isOperator } from './access-policy.ts';
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

  /**
   * Mastra's standard routes (memory, threads, agents, workflow runs, scores, logs) are for operator
   * keys: through them a learner key could read or write another learner's conversation. The
   * product's session routes, which scope every read to the key's learner, are answered before.
   */
  authorizeUser(user: Principal): boolean {
    return isOperator(user);
  }

  override mapUserToResourceId(user: Principal): string | undefined {
    return user.learnerId;
  }
}
