import type { MachineName } from '../../domain/machines/index.ts';
import type { Story } from '../../domain/story.ts';
import type { Queryable } from '../transaction.ts';

/** A new session's rows. `context` is the session layer's working memory (stored as jsonb). */
export interface NewSessionRows {
  readonly id: string;
  readonly learnerId: string;
  readonly mentorId: string | null;
  readonly machine: MachineName;
  readonly path: readonly string[];
  readonly story: Story;
  readonly referenceSolution: string | null;
  readonly context: unknown;
}

/**
 * Inserts the session with its inbox (and its learner and mentor when new, and the story's reference
 * solution). Run it in the caller's transaction: the rows exist together or not at all.
 */
export async function insertSession(db: Queryable, s: NewSessionRows): Promise<void> {
  await db.query('insert into learners (id) values ($1) on conflict (id) do nothing', [
    s.learnerId,
  ]);
  if (s.mentorId)
    await db.query('insert into mentors (id) values ($1) on conflict (id) do nothing', [
      s.mentorId,
    ]);
  await db.query(
    `insert into sessions (id, learner_id, mentor_id, machine, state, state_path, entered_at, story, context)
       values ($1, $2, $3, $4, $5, $6, now(), $7, $8)`,
    [
      s.id,
      s.learnerId,
      s.mentorId,
      s.machine,
      s.path[s.path.length - 1],
      s.path,
      JSON.stringify(s.story),
      JSON.stringify(s.context),
    ],
  );
  await db.query('insert into session_inbox (session_id) values ($1)', [s.id]);
  if (s.referenceSolution) {
    await db.query('insert into story_solutions (session_id, reference_solution) values ($1, $2)', [
      s.id,
      s.referenceSolution,
    ]);
  }
}
