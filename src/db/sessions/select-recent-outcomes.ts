import type { SessionOutcomes } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';

/**
 * The outcomes (`context.outcomes`) of a learner's latest `limit` sessions that measured any,
 * oldest first: one small indexed query (sessions_learner_idx).
 */
export async function selectRecentOutcomes(
  db: Queryable,
  learnerId: string,
  limit: number,
): Promise<SessionOutcomes[]> {
  const { rows } = await db.query<{ outcomes: SessionOutcomes }>(
    `select outcomes from (
       select context->'outcomes' as outcomes, created_at from sessions
        where learner_id = $1 and context ? 'outcomes'
        order by created_at desc limit $2
     ) recent order by created_at`,
    [learnerId, limit],
  );
  return rows.map((r) => r.outcomes);
}
