import type { Queryable } from '../transaction.ts';
import type { Pruned } from './types.ts';

/**
 * Deletes a session's history beyond the retention window (pending events are kept): processed
 * events past the latest `retention.events`, and those older than `retention.days` days (0: no age
 * limit), with their outcomes, turns and transitions, and the agents' thread beyond `retention.messages`
 * messages (`prune_session_history`).
 */
export async function pruneSessionHistory(
  db: Queryable,
  sessionId: string,
  retention: { readonly events: number; readonly days: number; readonly messages: number },
): Promise<Pruned> {
  const { rows } = await db.query<{ r: Pruned }>(
    'select prune_session_history($1, $2, $3, $4) as r',
    [sessionId, retention.events, retention.days, retention.messages],
  );
  return rows[0]!.r;
}
