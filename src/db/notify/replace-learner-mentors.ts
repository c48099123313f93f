import type { Queryable } from '../transaction.ts';

/** Replaces a learner's mentors (creating the learner when new). */
export async function replaceLearnerMentors(
  db: Queryable,
  learnerId: string,
  mentorIds: readonly string[],
): Promise<void> {
  await db.query('insert into learners (id) values ($1) on conflict (id) do nothing', [learnerId]);
  await db.query('delete from learner_mentors where learner_id = $1', [learnerId]);
  await db.query(
    'insert into learner_mentors (learner_id, mentor_id) select $1, unnest($2::text[]) on conflict do nothing',
    [learnerId, mentorIds],
  );
}
