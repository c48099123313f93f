import type { Queryable } from '../transaction.ts';

/** Where the console's live feed is: the last event it has shown, in (receivedAt, sessionId, seq) order. */
export interface EventCursor {
  receivedAt: string;
  sessionId: string;
  seq: number;
}

export interface LiveEvent extends EventCursor {
  type: string;
  source: string;
  learnerId: string;
  state: string;
}

/** Inbox events of every session (or one) stored after `cursor`, oldest first. */
export async function eventsAfter(
  db: Queryable,
  cursor: EventCursor,
  sessionId?: string,
  limit = 100,
): Promise<LiveEvent[]> {
  const { rows } = await db.query<LiveEvent>(
    `select to_char(e.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "receivedAt",
            e.session_id as "sessionId", e.seq::int as seq, e.type, e.source,
            s.learner_id as "learnerId", s.state
       from session_events e join sessions s on s.id = e.session_id
      where (e.received_at, e.session_id, e.seq) > ($1::timestamptz, $2::uuid, $3::bigint)
        and ($4::uuid is null or e.session_id = $4)
      order by e.received_at, e.session_id, e.seq
      limit $5`,
    [cursor.receivedAt, cursor.sessionId, cursor.seq, sessionId ?? null, limit],
  );
  return rows;
}

/** The cursor at the newest stored event (a live feed starts from here). */
export async function latestEventCursor(db: Queryable): Promise<EventCursor> {
  const { rows } = await db.query<EventCursor>(
    `select to_char(coalesce(max(received_at), now()) at time zone 'UTC',
                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "receivedAt",
            'ffffffff-ffff-ffff-ffff-ffffffffffff' as "sessionId", 2147483647 as seq
       from session_events`,
  );
  return rows[0]!;
}
