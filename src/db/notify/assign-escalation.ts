import type { Queryable } from '../transaction.ts';

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
