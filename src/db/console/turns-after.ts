import type { Queryable } from '../transaction.ts';
import type { TimelineReply } from './session-timeline.ts';

export interface TurnReplies {
  turnId: number;
  eventId: string;
  eventType: string;
  source: string;
  replies: TimelineReply[];
}

/** A session's turns recorded after turn `afterId`, with the event each answered (the chat's live feed). */
export async function turnsAfter(
  db: Queryable,
  sessionId: string,
  afterId: number,
): Promise<TurnReplies[]> {
  const { rows } = await db.query<TurnReplies>(
    `select seq::int as "turnId", id as "eventId", type as "eventType", source,
            coalesce(turn->'replies', '[]') as replies
       from session_events
      where session_id = $1 and seq > $2 and turn is not null
      order by seq limit 100`,
    [sessionId, afterId],
  );
  return rows;
}
