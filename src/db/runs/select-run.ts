import type { Queryable } from '../transaction.ts';
import type { RunRow } from './types.ts';

/** The run's row (locked for update with `lock`); undefined when there is none. */
export async function loadRunRow(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `select * from implementation_runs where id = $1${options.lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}
