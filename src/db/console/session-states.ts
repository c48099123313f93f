import type { Queryable } from '../transaction.ts';

/** The states sessions are in now, for the console's state filter. */
export async function sessionStates(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ state: string }>(
    'select distinct state from sessions order by state',
  );
  return rows.map((r) => r.state);
}
