/**
 * Row → record mapping for the inbox and the transition log (timestamps as ISO strings, bigints as
 * numbers). The session row is mapped by the session layer, which owns its context's type.
 */
import type { StoredEvent, TransitionRecord } from '../../domain/sessions.ts';
import type { EventRow, TransitionRow } from './types.ts';

/** A timestamp as an ISO string (null stays null). */
export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value).toISOString();

/** An inbox row (with its outcome) as the session layer's StoredEvent. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    sessionId: row.session_id,
    idempotencyKey: row.idempotency_key,
    type: row.type,
    data: row.payload ?? {},
    source: row.source,
    receivedAt: iso(row.received_at)!,
    processedAt: iso(row.processed_at),
    outcome: row.outcome,
    version: row.version === null ? null : Number(row.version),
    state: row.state,
    sessionStatus: row.session_status,
  };
}

/** A transition log row as a TransitionRecord. */
export function toTransitionRecord(row: TransitionRow): TransitionRecord {
  return {
    id: Number(row.id),
    eventId: row.event_id,
    version: Number(row.version),
    from: row.from_state,
    event: row.event,
    to: row.to_state,
    eventData: row.event_data,
    at: iso(row.created_at)!,
  };
}
