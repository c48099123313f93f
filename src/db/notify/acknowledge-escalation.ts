import type { Queryable } from '../transaction.ts';
import { removeAckTimeout } from './remove-ack-timeout.ts';

/** Open → acknowledged (an acknowledged one keeps its first acknowledgement). */
export async function acknowledgeEscalation(db: Queryable, id: number, by: string): Promise<void> {
  await db.query(
    `update escalations set status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2,
       updated_at = now()
     where id = $1 and status = 'open'`,
    [id, by],
  );
  await removeAckTimeout(db, id);
}
