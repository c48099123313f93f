/** Columns read for a session (never the reference solution, which is another table). */
export const sessionColumns =
  'id, learner_id, mentor_id, machine, state, state_path, entered_at, version, status, context, story, next_check_in, last_activity_at, started_at, paused_at, completed_at, created_at, updated_at';

/** Columns of an inbox event with its outcome (null until its turn commits), from `eventFrom`. */
export const eventColumns =
  'e.id, e.seq, e.session_id, e.idempotency_key, e.type, e.payload, e.source, e.received_at, ' +
  'e.processed_at, event_outcome(e.processed_at, e.type, e.outcome, e.transitions) as outcome, ' +
  'e.version, event_state(e.processed_at, e.state, e.transitions) as state, ' +
  'event_session_status(e.processed_at, e.session_status) as session_status';
/**
 * An accepted (applied or recorded) event of `eventFrom`. A processed row without a stored outcome
 * has its default one, which is always one of those (migration 0009).
 */
export const eventAccepted =
  "e.processed_at is not null and (e.outcome is null or e.outcome->>'status' in ('applied', 'recorded'))";
/** The inbox, aliased `e` (what `eventColumns` reads): each row carries its event's outcome. */
export const eventFrom = 'session_events e';
