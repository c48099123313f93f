import type { Queryable } from '../transaction.ts';
import type { InboxInsert, InboxInserted } from './insert-inbox-event.ts';

/**
 * Stores several events in one statement and one transaction (`insert_inbox_events`, migration
 * 0010), each as `insertInboxEvent` stores it, in the order given. Results are in that order: null
 * where the key was already used or the session does not exist.
 */
export async function insertInboxEvents(
  db: Queryable,
  events: readonly InboxInsert[],
): Promise<(InboxInserted | null)[]> {
  const { rows } = await db.query<{ n: number; event_seq: string; event_received_at: Date }>({
    name: 'insert-inbox-events',
    text: 'select n, event_seq, event_received_at from insert_inbox_events($1::jsonb)',
    values: [JSON.stringify(events)],
  });
  const results: (InboxInserted | null)[] = events.map(() => null);
  for (const row of rows)
    results[row.n] = {
      seq: Number(row.event_seq),
      receivedAt: row.event_received_at.toISOString(),
    };
  return results;
}
