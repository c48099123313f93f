import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { eventAccepted, eventColumns, eventFrom } from './columns.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/**
 * The latest accepted event of each type from `sinceSeq` on, e.g. the last lint and coverage reports
 * of the current quality-gate attempt.
 */
export async function selectLatestOfTypes(
  db: Queryable,
  sessionId: string,
  types: readonly string[],
  sinceSeq: number,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select distinct on (e.type) ${eventColumns} from ${eventFrom}
     where e.session_id = $1 and e.type = any($2) and ${eventAccepted}
       and e.seq >= $3
     order by e.type, e.seq desc`,
    [sessionId, types, sinceSeq],
  );
  return rows.map(toStoredEvent);
}
