import type { Queryable } from '../transaction.ts';

/** The texts of a session's last `limit` turns' replies, oldest first (the leak guard's memory). */
export async function selectRecentReplies(
  db: Queryable,
  sessionId: string,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query<{ text: string }>(
    `select r.text from (
       select seq, turn->'replies' as replies from session_events
        where session_id = $1 and turn->'replies' is not null order by seq desc limit $2
     ) t, json_to_recordset(t.replies) as r(text text)
     order by t.seq`,
    [sessionId, limit],
  );
  return rows.map((r) => r.text).filter((t) => typeof t === 'string');
}
