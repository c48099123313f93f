import type { Queryable } from '../transaction.ts';
import { removeAckTimeout } from './remove-ack-timeout.ts';

/** Resolves the escalation (by whom, with an optional note); its acknowledgement timeout goes. */
export async function resolveEscalation(
  db: Queryable,
  id: number,
  by: string,
  note: string | null,
): Promise<void> {
  await db.query(
    `update escalations set status = 'resolved', resolved_at = now(), resolved_by = $2,
       resolution_note = $3, updated_at = now()
     where id = $1`,
    [id, by, note],
  );
  await removeAckTimeout(db, id);
}
