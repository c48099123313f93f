import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { eventAccepted, eventColumns, eventFrom } from './columns.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/** The latest accepted (applied or recorded) events of a session, oldest first: what detectors read. */
export async function selectRecentEvents(
  db: Queryable,
  sessionId: string,
  limit: number,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from ${eventFrom}
     where e.session_id = $1 and ${eventAccepted}
     order by e.seq desc limit $2`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent).reverse();
}
