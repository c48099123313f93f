/**
 * Reads a learner's history when a session starts: the outcomes of their most recent sessions
 * (each written by the turns that measured them, in `sessions.context.outcomes`), one small
 * indexed query (sessions_learner_idx).
 */
import type pg from 'pg';
import { selectRecentOutcomes } from '../../db/sessions/select-recent-outcomes.ts';
import { adaptiveSettings, profileFrom } from './profile.ts';
import type { AdaptiveSettings } from './types.ts';

/** How many earlier sessions the profile reads. */
export const historySessions = 10;

/** The adaptive settings for a new session of `learnerId`, from their earlier sessions. */
export async function loadAdaptiveSettings(
  db: pg.Pool | pg.PoolClient,
  learnerId: string,
): Promise<AdaptiveSettings> {
  return adaptiveSettings(profileFrom(await selectRecentOutcomes(db, learnerId, historySessions)));
}
