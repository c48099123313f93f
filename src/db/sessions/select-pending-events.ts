import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/** Unprocessed events of a session (after its processed_seq), oldest first. */
export async function selectPendingEvents(
  db: Queryable,
  sessionId: string,
  limit = 100,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select e.id, e.seq, e.session_id, e.idempotency_key, e.type, e.payload, e.source, e.received_at,
            null as processed_at, null as outcome, null as version, null as state, null as session_status
     from session_events e join sessions s on s.id = e.session_id
     where e.session_id = $1 and e.seq > s.processed_seq order by e.seq limit $2`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent);
}
