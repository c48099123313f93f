/**
 * Reads a learner's history when a session starts: the outcomes of their most recent sessions
 * (each written by the turns that measured them, in `sessions.context.outcomes`), one small
 * indexed query (sessions_learner_idx).
 */
import type pg from 'pg';
import { adaptiveSettings, profileFrom } from './profile.ts';
import type { AdaptiveSettings, SessionOutcomes } from './types.ts';

/** How many earlier sessions the profile reads. */
export const historySessions = 10;

/** The adaptive settings for a new session of `learnerId`, from their earlier sessions. */
export async function loadAdaptiveSettings(
  db: pg.Pool | pg.PoolClient,
  learnerId: string,
): Promise<AdaptiveSettings> {
  const { rows } = await db.query<{ outcomes: SessionOutcomes }>(
    `select outcomes from (
       select context->'outcomes' as outcomes, created_at from sessions
        where learner_id = $1 and context ? 'outcomes'
        order by created_at desc limit $2
     ) recent order by created_at`,
    [learnerId, historySessions],
  );
  return adaptiveSettings(profileFrom(rows.map((r) => r.outcomes)));
}
