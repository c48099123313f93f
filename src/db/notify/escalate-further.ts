import type { Queryable } from '../transaction.ts';

/**
 * `notify_escalate_further` (migration 0005): an escalation still open at `level` goes one level
 * up. Returns the new level, or null when it was acknowledged, resolved or already further.
 */
export async function escalateFurther(
  db: Queryable,
  escalationId: number,
  level: number,
): Promise<number | null | undefined> {
  const { rows } = await db.query<{ level: number | null }>(
    'select notify_escalate_further($1, $2) as level',
    [escalationId, level],
  );
  return rows[0]?.level;
}
