import type { TransitionRecord } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { toTransitionRecord } from './records.ts';
import type { TransitionRow } from './types.ts';

/** The latest `limit` transitions of a session, oldest first (a tail of the log). */
export async function selectTransitions(
  db: Queryable,
  sessionId: string,
  limit = 1000,
): Promise<TransitionRecord[]> {
  const { rows } = await db.query<TransitionRow>(
    `select * from (
       select id, event_id, version, from_state, event, to_state, event_data, created_at
       from state_transitions where session_id = $1 order by id desc limit $2
     ) tail order by id`,
    [sessionId, limit],
  );
  return rows.map(toTransitionRecord);
}
