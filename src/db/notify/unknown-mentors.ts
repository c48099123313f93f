import type { Queryable } from '../transaction.ts';

/** The ids among `ids` that are not mentors. */
export async function unknownMentors(db: Queryable, ids: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select x as id from unnest($1::text[]) as x where not exists (select 1 from mentors where id = x)',
    [ids],
  );
  return rows.map((r) => r.id);
}
