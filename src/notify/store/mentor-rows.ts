import type { Queryable } from '../../db/transaction.ts';

/** A mentor as the API shows it: contact channels, availability, the learners assigned. */
export interface MentorView {
  readonly id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly webhookUrl: string | null;
  readonly available: boolean;
  readonly awayUntil: string | null;
  readonly learners: readonly string[];
}

const select = `
  select json_build_object(
    'id', m.id, 'name', m.name, 'email', m.email, 'webhookUrl', m.webhook_url,
    'available', m.available, 'awayUntil', m.away_until,
    'learners', coalesce((select json_agg(l.learner_id order by l.learner_id)
                          from learner_mentors l where l.mentor_id = m.id), '[]'::json)
  ) as view
  from mentors m`;

export async function selectMentors(db: Queryable): Promise<MentorView[]> {
  const { rows } = await db.query<{ view: MentorView }>(`${select} order by m.id`);
  return rows.map((r) => r.view);
}

export async function selectMentor(db: Queryable, id: string): Promise<MentorView | undefined> {
  const { rows } = await db.query<{ view: MentorView }>(`${select} where m.id = $1`, [id]);
  return rows[0]?.view;
}

export interface MentorWrite {
  readonly name?: string | null;
  readonly email?: string | null;
  readonly webhookUrl?: string | null;
  readonly available?: boolean;
  readonly awayUntil?: string | null;
}

/** Creates or updates a mentor; fields left out keep their value. */
export async function upsertMentor(db: Queryable, id: string, m: MentorWrite): Promise<void> {
  const has = (k: keyof MentorWrite) => m[k] !== undefined;
  await db.query(
    `insert into mentors (id, name, email, webhook_url, available, away_until)
     values ($1, $2, $3, $4, coalesce($5, true), $6)
     on conflict (id) do update set
       name = case when $7 then excluded.name else mentors.name end,
       email = case when $8 then excluded.email else mentors.email end,
       webhook_url = case when $9 then excluded.webhook_url else mentors.webhook_url end,
       available = case when $10 then excluded.available else mentors.available end,
       away_until = case when $11 then excluded.away_until else mentors.away_until end,
       updated_at = now()`,
    [
      id,
      m.name ?? null,
      m.email ?? null,
      m.webhookUrl ?? null,
      m.available ?? null,
      m.awayUntil ?? null,
      has('name'),
      has('email'),
      has('webhookUrl'),
      has('available'),
      has('awayUntil'),
    ],
  );
}

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

/** The ids among `ids` that are not mentors. */
export async function unknownMentors(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select x as id from unnest($1::text[]) as x where not exists (select 1 from mentors where id = x)',
    [ids],
  );
  return rows.map((r) => r.id);
}
