import type { Queryable } from '../transaction.ts';

/**
 * A marker that changes whenever an implementation run changes (a new run, a phase event, a status
 * or approval change): the console's live dashboard re-reads its figures when it moves.
 */
export async function runChangesMarker(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ marker: string }>(
    `select concat_ws('/', count(*), max(updated_at)::text, sum(event_seq)) as marker
       from implementation_runs`,
  );
  return rows[0]?.marker ?? '';
}
