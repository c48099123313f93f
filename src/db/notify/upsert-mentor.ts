import type { Queryable } from '../transaction.ts';
import type { MentorWrite } from './types.ts';

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
