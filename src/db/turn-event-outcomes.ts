import type pg from 'pg';

/** An inbox event named by its session and its id (a `mentor-turn` run's resource and run id). */
export interface TurnEventRef {
  readonly sessionId: string;
  readonly eventId: string;
}

/**
 * Of the given inbox events, the ids of those that have an outcome (were processed). Both ids must
 * be uuids. The session id narrows the lookup to the session's rows (the primary key's prefix):
 * `session_events.id` has no index of its own.
 */
export async function eventsWithOutcome(
  db: Pick<pg.Pool, 'query'>,
  events: readonly TurnEventRef[],
): Promise<Set<string>> {
  if (!events.length) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `select e.id
     from unnest($1::uuid[], $2::uuid[]) as ref (session_id, id)
     join session_events e on e.session_id = ref.session_id and e.id = ref.id
     join event_outcomes o on o.session_id = e.session_id and o.seq = e.seq`,
    [events.map((e) => e.sessionId), events.map((e) => e.eventId)],
  );
  return new Set(rows.map((r) => r.id));
}
