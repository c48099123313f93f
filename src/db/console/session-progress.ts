import type { Queryable } from '../transaction.ts';

export interface SessionProgress {
  version: number;
  state: string;
  status: string;
  /** Tasks in the learner's plan, and the index of the current one (0-based). */
  tasks: number;
  taskIndex: number;
  /** Mean progress of the session's goals (0–100), null before any goal. */
  goalProgress: number | null;
  /** Last turn recorded for the session (the chat's live feed starts after it). */
  lastTurnId: number;
}

/** Where a session stands, for the chat's header (state, plan position, goals). */
export async function sessionProgress(
  db: Queryable,
  sessionId: string,
): Promise<SessionProgress | null> {
  const { rows } = await db.query<SessionProgress>(
    `select s.version::int as version, s.state, s.status,
            coalesce(jsonb_array_length(case when jsonb_typeof(s.context->'plan') = 'array'
                                             then s.context->'plan' end), 0) as tasks,
            coalesce((s.context->>'taskIndex')::int, 0) as "taskIndex",
            (select round(avg(progress))::int from goals g where g.session_id = s.id) as "goalProgress",
            coalesce((select max(seq) from session_events e where e.session_id = s.id and e.turn is not null), 0)::int as "lastTurnId"
       from sessions s where s.id = $1`,
    [sessionId],
  );
  return rows[0] ?? null;
}
