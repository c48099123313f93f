import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { eventColumns, eventFrom } from './columns.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/** The latest `limit` inbox events of a session, in arrival order (a tail of the inbox). */
export async function selectEvents(
  db: Queryable,
  sessionId: string,
  limit = 1000,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `select * from (select ${eventColumns} from ${eventFrom} where e.session_id = $1 order by e.seq desc limit $2) tail order by seq`,
    [sessionId, limit],
  );
  return rows.map(toStoredEvent);
}
