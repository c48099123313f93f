import type { Queryable } from '../transaction.ts';

/** Whether the session's mentor is available (false without a mentor, or for an unknown one). */
export async function selectMentorAvailable(
  db: Queryable,
  mentorId: string | null,
): Promise<boolean> {
  if (!mentorId) return false;
  const { rows } = await db.query<{ available: boolean }>(
    'select available from mentors where id = $1',
    [mentorId],
  );
  return rows[0]?.available === true;
}
