import type { ArmedTimer } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';

/** The session's armed timer of `kind` (`context.timers[kind]`); null or undefined when none is. */
export async function selectArmedTimer(
  db: Queryable,
  sessionId: string,
  kind: string,
): Promise<ArmedTimer | null | undefined> {
  const { rows } = await db.query<{ timer: ArmedTimer | null }>(
    "select context->'timers'->$2 as timer from sessions where id = $1",
    [sessionId, kind],
  );
  return rows[0]?.timer;
}
