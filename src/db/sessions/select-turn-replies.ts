import type { Reply } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';

/** Replies of an event's turn (none when it ran no action). */
export async function selectTurnReplies(db: Queryable, eventId: string): Promise<Reply[]> {
  const { rows } = await db.query<{ replies: Reply[] }>(
    'select replies from turns where event_id = $1',
    [eventId],
  );
  return rows[0]?.replies ?? [];
}
