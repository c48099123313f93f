import type { Queryable, RunRow } from './types.ts';

/** Flag a run for cancel; the process driving it sees the flag at its next lease renewal. */
export async function requestCancel(db: Queryable, id: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `update workflow_runs set cancel_requested = true
      where id = $1 and status in ('queued', 'running', 'waiting') returning *`,
    [id],
  );
  return rows[0];
}
