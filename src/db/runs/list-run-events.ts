import type { RunEvent, RunEventBody, RunEventType } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

interface EventRow {
  seq: number;
  type: RunEventType;
  data: RunEventBody['data'];
  created_at: Date;
}

/** Events of a run after sequence number `after` (0 = from the start), oldest first. */
export async function listRunEventRows(
  db: Queryable,
  runId: string,
  after = 0,
  limit = 500,
): Promise<RunEvent[]> {
  const { rows } = await db.query<EventRow>(
    'select seq, type, data, created_at from implementation_run_events where run_id = $1 and seq > $2 order by seq limit $3',
    [runId, after, limit],
  );
  return rows.map(
    (r) =>
      ({
        runId,
        seq: r.seq,
        type: r.type,
        data: r.data,
        at: r.created_at.toISOString(),
      }) as RunEvent,
  );
}
