import type { Queryable } from '../transaction.ts';

export interface EscalationNotice {
  id: number;
  sessionId: string;
  kind: string;
  createdAt: string;
}

/**
 * Session notifications written after notification `afterId` (each escalation trigger of a session
 * writes one; the escalations inbox follows them), for the console's live pages.
 */
export async function escalationNoticesAfter(
  db: Queryable,
  afterId: number,
): Promise<EscalationNotice[]> {
  const { rows } = await db.query<EscalationNotice>(
    `select id::int as id, session_id as "sessionId", kind, created_at as "createdAt"
       from notifications where id > $1 order by id limit 100`,
    [afterId],
  );
  return rows;
}

/** The newest notification id (a live feed starts after it). */
export async function latestNotificationId(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'select coalesce(max(id), 0)::int as id from notifications',
  );
  return rows[0]!.id;
}
