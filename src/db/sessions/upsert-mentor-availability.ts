import type { Queryable } from '../transaction.ts';

/** Sets a mentor's availability (seed 000's mentors.available), creating the mentor when new. */
export async function upsertMentorAvailability(
  db: Queryable,
  mentor: { id: string; name?: string | null; available: boolean },
): Promise<void> {
  await db.query(
    `insert into mentors (id, name, available) values ($1, $2, $3)
     on conflict (id) do update set available = excluded.available, name = coalesce(excluded.name, mentors.name)`,
    [mentor.id, mentor.name ?? null, mentor.available],
  );
}
