import type { MachineName } from '../../domain/machines/index.ts';
import type { Queryable } from '../transaction.ts';

/** The session's machine (never changes), for validating an event before it is stored. */
export async function selectSessionMachine(db: Queryable, id: string): Promise<MachineName | null> {
  const { rows } = await db.query<{ machine: MachineName }>(
    'select machine from sessions where id = $1',
    [id],
  );
  return rows[0]?.machine ?? null;
}
