import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { eventColumns, eventFrom } from './columns.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/**
 * The latest accepted event of each type, e.g. the last lint and coverage reports for the quality
 * gates, counting only events from `sinceSeq` on. Without `sinceSeq`, from the current quality-gate
 * attempt the session's stored context names (`context.gateAttemptSeq`, set by the turn that
 * started it), or the whole session when no attempt started yet: reports sent before the gates, or
 * during a previous attempt, do not describe the code being judged now.
 */
export async function selectLatestOfTypes(
  db: Queryable,
  sessionId: string,
  types: readonly string[],
  sinceSeq?: number,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select distinct on (e.type) ${eventColumns} from ${eventFrom}
     where e.session_id = $1 and e.type = any($2) and o.outcome->>'status' in ('applied', 'recorded')
       and e.seq >= coalesce(
         $3::bigint,
         (select (s.context->>'gateAttemptSeq')::bigint from sessions s where s.id = $1),
         0)
     order by e.type, e.seq desc`,
    [sessionId, types, sinceSeq ?? null],
  );
  return rows.map(toStoredEvent);
}
