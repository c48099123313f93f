import type { RunEventBody } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** Postgres NOTIFY channel told `<runId>:<seq>` whenever an event is committed (wakes SSE streams). */
export const runEventsChannel = 'implementation_run_events';

/**
 * Append an event. The sequence number is taken from the run row under its row lock, so numbers are
 * gapless per run and follow commit order: a reader resuming `after` a number never misses one.
 */
export async function appendRunEvent(
  db: Queryable,
  runId: string,
  event: RunEventBody,
): Promise<number> {
  const { rows } = await db.query<{ seq: number }>(
    `with next as (
       update implementation_runs set event_seq = event_seq + 1, updated_at = now() where id = $1 returning event_seq
     ), inserted as (
       insert into implementation_run_events (run_id, seq, type, data)
       select $1, event_seq, $2, $3 from next
       returning seq
     )
     select seq, pg_notify($4, $1 || ':' || seq) from inserted`,
    [runId, event.type, JSON.stringify(event.data), runEventsChannel],
  );
  return rows[0]!.seq;
}
