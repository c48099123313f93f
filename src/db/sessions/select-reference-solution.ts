import type { Queryable } from '../transaction.ts';

/** The story's reference solution (agents' leak guard only). */
export async function selectReferenceSolution(
  db: Queryable,
  sessionId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ reference_solution: string }>(
    'select reference_solution from story_solutions where session_id = $1',
    [sessionId],
  );
  return rows[0]?.reference_solution ?? null;
}
