import type { StoredEvent } from '../../domain/sessions.ts';
import type { Queryable } from '../transaction.ts';
import { eventColumns, eventFrom } from './columns.ts';
import { toStoredEvent } from './records.ts';
import type { EventRow } from './types.ts';

/** The session's event stored under idempotency key `key`, with its outcome. */
export async function selectEventByKey(
  db: Queryable,
  sessionId: string,
  key: string,
): Promise<StoredEvent | null> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from ${eventFrom} where e.session_id = $1 and e.idempotency_key = $2`,
    [sessionId, key],
  );
  return rows[0] ? toStoredEvent(rows[0]) : null;
}

/** The session's event number `seq`, with its outcome. */
export async function selectEvent(
  db: Queryable,
  sessionId: string,
  seq: number,
): Promise<StoredEvent | null> {
  const { rows } = await db.query<EventRow>(
    `select ${eventColumns} from ${eventFrom} where e.session_id = $1 and e.seq = $2`,
    [sessionId, seq],
  );
  return rows[0] ? toStoredEvent(rows[0]) : null;
}
