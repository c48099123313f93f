import type { Queryable } from '../transaction.ts';

/** Sessions holding events older than `days` days (for the daily sweep of idle sessions). */
export async function sessionsWithHistoryBefore(db: Queryable, days: number): Promise<string[]> {
  const { rows } = await db.query<{ session_id: string }>(
    `select distinct session_id from session_events
     where received_at < now() - make_interval(days => $1::int)`,
    [days],
  );
  return rows.map((r) => r.session_id);
}
