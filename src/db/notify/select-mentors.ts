import type { Queryable } from '../transaction.ts';
import type { MentorView } from './types.ts';

const select = `
  select json_build_object(
    'id', m.id, 'name', m.name, 'email', m.email, 'webhookUrl', m.webhook_url,
    'available', m.available, 'awayUntil', m.away_until,
    'learners', coalesce((select json_agg(l.learner_id order by l.learner_id)
                          from learner_mentors l where l.mentor_id = m.id), '[]'::json)
  ) as view
  from mentors m`;

/** Every mentor with the learners assigned, by id. */
export async function selectMentors(db: Queryable): Promise<MentorView[]> {
  const { rows } = await db.query<{ view: MentorView }>(`${select} order by m.id`);
  return rows.map((r) => r.view);
}

/** One mentor with the learners assigned; undefined when there is none. */
export async function selectMentor(db: Queryable, id: string): Promise<MentorView | undefined> {
  const { rows } = await db.query<{ view: MentorView }>(`${select} where m.id = $1`, [id]);
  return rows[0]?.view;
}
