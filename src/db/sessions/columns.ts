/** Columns read for a session (never the reference solution, which is another table). */
export const sessionColumns =
  'id, learner_id, mentor_id, machine, state, state_path, entered_at, version, status, context, story, next_check_in, last_activity_at, started_at, paused_at, completed_at, created_at, updated_at';

/** Columns of an inbox event joined with its outcome (`from session_events e left join event_outcomes o using (session_id, seq)`). */
export const eventColumns =
  'e.id, e.seq, e.session_id, e.idempotency_key, e.type, e.payload, e.source, e.received_at, o.processed_at, o.outcome, o.version, o.state, o.session_status';
/** The inbox joined with the outcomes, aliased `e` and `o` (what `eventColumns` reads). */
export const eventFrom = 'session_events e left join event_outcomes o using (session_id, seq)';
