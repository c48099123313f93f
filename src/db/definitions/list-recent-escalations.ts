import type { Queryable } from './types.ts';

export interface EscalationEvent {
  id: string;
  session_id: string;
  learner_id: string;
  kind: string;
  reason: string | null;
  level: number;
  created_at: Date;
}

/**
 * Session escalations (the `escalations` table of notification delivery) of the last hour created
 * after `since`: the system event `session.escalated`. Callers start runs with the escalation id in
 * the idempotency key, so reading one twice starts nothing twice.
 */
export async function listRecentEscalations(
  db: Queryable,
  since: Date,
): Promise<EscalationEvent[]> {
  const { rows } = await db.query<EscalationEvent>(
    `select id::text, session_id::text, learner_id, kind, reason, level, created_at from escalations
      where created_at >= $1 and created_at > now() - interval '1 hour'
      order by id limit 200`,
    [since],
  );
  return rows;
}
