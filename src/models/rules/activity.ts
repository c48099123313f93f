import { extractActivityReports } from '../../domain/signals/activity-claims.ts';

/**
 * The activity reader in rules mode: the reports a learner's message states, by the same reading
 * the session uses without a model (`extractActivityReports`), so a fallback answers as rules mode
 * does and Studio's chat with the agent answers too.
 */
export function readActivity(input: Record<string, unknown> | undefined, message: string): object {
  const text = typeof input?.message === 'string' ? input.message : message;
  const state = typeof input?.state === 'string' ? input.state : undefined;
  return { reports: extractActivityReports(text, state ? { state } : {}) };
}
