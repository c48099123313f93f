import type { Queryable } from '../transaction.ts';
import type { EscalationStatus } from './types.ts';

/** Locks the escalation row for an action; undefined when there is none. */
export async function lockEscalation(
  db: Queryable,
  id: number,
): Promise<
  | { status: EscalationStatus; session_id: string; notification_id: string; level: number }
  | undefined
> {
  const { rows } = await db.query(
    'select status, session_id::text, notification_id::text, level from escalations where id = $1 for update',
    [id],
  );
  return rows[0];
}
