import type pg from 'pg';
import type { Config } from '../../config/index.ts';

/** How much history a session keeps (HISTORY_RETENTION_EVENTS, HISTORY_RETENTION_DAYS). */
export interface Retention {
  /** Processed events kept per session (with their outcomes, turns and transitions). */
  readonly events: number;
  /** Nothing older than this many days is kept (0: no age limit). */
  readonly days: number;
}

/** The history retention the configuration asks for. */
export function retentionOf(
  config: Pick<Config, 'HISTORY_RETENTION_EVENTS' | 'HISTORY_RETENTION_DAYS'>,
): Retention {
  return { events: config.HISTORY_RETENTION_EVENTS, days: config.HISTORY_RETENTION_DAYS };
}

/** What one prune removed. */
export interface Pruned {
  readonly events: number;
  readonly outcomes: number;
  readonly turns: number;
  readonly transitions: number;
}

/** Deletes a session's history beyond the retention window (pending events are kept). */
export async function pruneSessionHistory(
  client: Pick<pg.Pool, 'query'>,
  sessionId: string,
  retention: Retention,
): Promise<Pruned> {
  const { rows } = await client.query<{ r: Pruned }>(
    'select prune_session_history($1, $2, $3) as r',
    [sessionId, retention.events, retention.days],
  );
  return rows[0]!.r;
}

/** Sessions holding events older than `days` days (for the daily sweep of idle sessions). */
export async function sessionsWithHistoryBefore(
  client: Pick<pg.Pool, 'query'>,
  days: number,
): Promise<string[]> {
  const { rows } = await client.query<{ session_id: string }>(
    `select distinct session_id from session_events
     where received_at < now() - make_interval(days => $1::int)`,
    [days],
  );
  return rows.map((r) => r.session_id);
}
