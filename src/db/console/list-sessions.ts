import type { Queryable } from '../transaction.ts';

export interface SessionFilters {
  state?: string;
  status?: string;
  learner?: string;
  /** true: only sessions that escalated to a human; false: only those that never did. */
  escalated?: boolean;
  limit?: number;
}

export interface SessionRow {
  id: string;
  learnerId: string;
  mentorId: string | null;
  state: string;
  status: string;
  storyTitle: string | null;
  lastActivityAt: string | null;
  updatedAt: string;
  escalations: number;
}

/** Notification kinds that ask a human to act (the same list as the delivery's `notify_is_escalation`). */
export const escalationKinds = [
  'escalation',
  'mentor-attention',
  'technical-issue',
  'story-timeout',
  'crisis',
  'help_requested',
  'assessment_overdue',
  'progress_stagnant',
];

/**
 * The console's session list, newest activity first. "Escalated" means a notification asking a
 * human to act was written for the session, or it sits in ESCALATE_TO_HUMAN.
 */
export async function listSessions(db: Queryable, filters: SessionFilters): Promise<SessionRow[]> {
  const { rows } = await db.query<SessionRow>(
    `select s.id, s.learner_id as "learnerId", s.mentor_id as "mentorId", s.state, s.status,
            s.story->>'title' as "storyTitle", s.last_activity_at as "lastActivityAt",
            s.updated_at as "updatedAt", e.n::int as escalations
       from sessions s
       cross join lateral (
         select count(*) as n from notifications n
          where n.session_id = s.id and n.kind = any($6::text[])) e
      where ($1::text is null or s.state = $1)
        and ($2::text is null or s.status = $2)
        and ($3::text is null or s.learner_id = $3)
        and ($4::boolean is null
             or $4 = (e.n > 0 or s.state = 'ESCALATE_TO_HUMAN'))
      order by s.updated_at desc
      limit $5`,
    [
      filters.state || null,
      filters.status || null,
      filters.learner || null,
      filters.escalated ?? null,
      filters.limit ?? 200,
      escalationKinds,
    ],
  );
  return rows;
}
