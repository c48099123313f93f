import type { Queryable } from '../transaction.ts';

/** Sessions whose next unprocessed event arrived at least `olderThanMs` ago (0: every one with pending events). */
export async function selectSessionsWithPendingEvents(
  db: Queryable,
  olderThanMs = 0,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select s.id from sessions s join session_inbox i on i.session_id = s.id
     where i.last_seq > s.processed_seq
       and exists (select 1 from session_events e where e.session_id = s.id and e.seq > s.processed_seq
                   and e.received_at <= now() - make_interval(secs => $1::double precision / 1000))`,
    [olderThanMs],
  );
  return rows.map((r) => r.id);
}
