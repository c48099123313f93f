import type { Config } from '../../config/index.ts';
import type { Pruned } from '../../db/sessions/types.ts';

/** What one prune removed (src/db/sessions/prune-session-history.ts does it). */
export type { Pruned };

/** How much history a session keeps (HISTORY_RETENTION_EVENTS, _DAYS, _MESSAGES). */
export interface Retention {
  /** Processed events kept per session (with their outcomes, turns and transitions). */
  readonly events: number;
  /** Nothing older than this many days is kept (0: no age limit). */
  readonly days: number;
  /** Messages kept on the session's agent thread (Mastra memory). */
  readonly messages: number;
}

/** The history retention the configuration asks for. */
export function retentionOf(
  config: Pick<
    Config,
    'HISTORY_RETENTION_EVENTS' | 'HISTORY_RETENTION_DAYS' | 'HISTORY_RETENTION_MESSAGES'
  >,
): Retention {
  return {
    events: config.HISTORY_RETENTION_EVENTS,
    days: config.HISTORY_RETENTION_DAYS,
    messages: config.HISTORY_RETENTION_MESSAGES,
  };
}
