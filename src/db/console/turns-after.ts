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
    `select t.id::int as "turnId", t.event_id as "eventId", e.type as "eventType", e.source,
            t.replies
       from turns t join session_events e on e.session_id = t.session_id and e.id = t.event_id
      where t.session_id = $1 and t.id > $2
      order by t.id limit 100`,
    [sessionId, afterId],
  );
  return rows;
}
