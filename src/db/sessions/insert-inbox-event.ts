import type { EventSource } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';

/** An event to store in a session's inbox. */
export interface InboxInsert {
  readonly sessionId: string;
  readonly eventId: string;
  /** Null: no idempotency key (never deduplicated). */
  readonly key: string | null;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly source: EventSource;
}

/** Where an event was stored: its arrival number in the session, and when. */
export interface InboxInserted {
  readonly seq: number;
  readonly receivedAt: string;
}

/**
 * Stores an event in the inbox. The session's arrival counter (`session_inbox.last_seq`) is bumped
 * under its row lock in the same statement, so a session's events are numbered in commit order (a
 * later number is never visible before an earlier one). Returns null when the key was already used
 * (or the session does not exist: the caller tells them apart).
 */
export async function insertInboxEvent(
  db: Queryable,
  e: InboxInsert,
): Promise<InboxInserted | null> {
  const { rows } = await db.query<{ seq: string; received_at: Date }>({
    // Named, so each connection parses and plans it once: planning the update, insert and conflict
    // clause took about 0.1 ms of PostgreSQL CPU an event, as much as running them.
    name: 'insert-inbox-event',
    text: `with s as (update session_inbox set last_seq = last_seq + 1 where session_id = $1 returning last_seq)
     insert into session_events (session_id, seq, id, idempotency_key, type, payload, source)
     select $1, s.last_seq, $2, $3, $4, $5, $6 from s
     on conflict (session_id, idempotency_key) where idempotency_key is not null do nothing
     returning seq, received_at`,
    values: [e.sessionId, e.eventId, e.key, e.type, JSON.stringify(e.data), e.source],
  });
  return rows[0]
    ? { seq: Number(rows[0].seq), receivedAt: rows[0].received_at.toISOString() }
    : null;
}
