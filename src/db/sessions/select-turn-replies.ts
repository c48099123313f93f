import type { Reply } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';

/** Replies of an event's turn (none when it ran no action or is not processed yet). */
export async function selectTurnReplies(
  db: Queryable,
  sessionId: string,
  seq: number,
): Promise<Reply[]> {
  const { rows } = await db.query<{ replies: Reply[] | null }>(
    "select turn->'replies' as replies from session_events where session_id = $1 and seq = $2",
    [sessionId, seq],
  );
  return rows[0]?.replies ?? [];
}
