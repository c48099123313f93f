import type { Queryable } from '../../db/transaction.ts';

/** Removes the pending acknowledgement timeout: a human has the escalation. */
async function stopAckTimeout(db: Queryable, id: number): Promise<void> {
  await db.query('select graphile_worker.remove_job($1)', [`escalation:${id}:ack`]);
}

/** Open → acknowledged (an acknowledged one keeps its first acknowledgement). */
export async function acknowledgeEscalation(db: Queryable, id: number, by: string): Promise<void> {
  await db.query(
    `update escalations set status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2,
       updated_at = now()
     where id = $1 and status = 'open'`,
    [id, by],
  );
  await stopAckTimeout(db, id);
}

/** Assigns a mentor and tells them through their channels (once per level). */
export async function assignEscalation(
  db: Queryable,
  id: number,
  mentorId: string,
  notificationId: string,
  level: number,
): Promise<void> {
  await db.query('update escalations set assigned_to = $2, updated_at = now() where id = $1', [
    id,
    mentorId,
  ]);
  await db.query("select notify_enqueue_mentor('session', $1, $2, $3, $4, true)", [
    notificationId,
    id,
    level,
    mentorId,
  ]);
}

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
  await stopAckTimeout(db, id);
}
