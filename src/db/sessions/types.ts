/** Rows the session tables return (timestamps as `Date`, bigints as strings or numbers). */
import type { MachineName } from '../../domain/machines/index.ts';
import type { EventOutcome, EventSource, SessionStatus } from '../../domain/sessions.ts';
import type { Story } from '../../domain/story.ts';

/**
 * A `sessions` row (`sessionColumns`). `context` is the session layer's working memory (jsonb): its
 * shape is that layer's `SessionContext`, which it asserts when mapping the row.
 */
export interface SessionRow {
  id: string;
  learner_id: string;
  mentor_id: string | null;
  machine: MachineName;
  state: string;
  state_path: string[];
  entered_at: Date;
  version: string | number;
  status: SessionStatus;
  context: unknown;
  story: Story;
  next_check_in: Date | null;
  last_activity_at: Date | null;
  started_at: Date;
  paused_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** An inbox event joined with its outcome (`eventColumns` from `eventFrom`). */
export interface EventRow {
  id: string;
  seq: string | number;
  session_id: string;
  idempotency_key: string | null;
  type: string;
  payload: Record<string, unknown>;
  source: EventSource;
  received_at: Date;
  processed_at: Date | null;
  outcome: EventOutcome | null;
  version: string | number | null;
  state: string | null;
  session_status: SessionStatus | null;
}

/** A `state_transitions` row. */
export interface TransitionRow {
  id: string | number;
  event_id: string;
  version: string | number;
  from_state: string;
  event: string;
  to_state: string;
  event_data: unknown;
  created_at: Date;
}

/** A scheduled Graphile Worker job, as the session API shows its timers. */
export interface JobRow {
  key: string;
  run_at: Date;
  attempts: number;
  locked_by: string | null;
}

/** What `commit_session_turn` (migration 0002) answers. */
export type CommitResult =
  | { readonly status: 'ok'; readonly version: number }
  | { readonly status: 'conflict'; readonly version: number }
  | { readonly status: 'missing' };

/** What one `prune_session_history` removed. */
export interface Pruned {
  readonly events: number;
  readonly outcomes: number;
  readonly turns: number;
  readonly transitions: number;
  /** Messages removed from the session's agent thread (Mastra memory). */
  readonly messages: number;
}
