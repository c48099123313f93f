import type { Queryable, RunRow, RunStatus } from './types.ts';

const terminal: RunStatus[] = ['completed', 'failed', 'cancelled'];

/** Move a run to `status` (ending it stamps `finished_at` and drops the lease). */
export async function setRunStatus(
  db: Queryable,
  id: string,
  status: RunStatus,
  result: { output?: unknown; error?: unknown } = {},
): Promise<RunRow | undefined> {
  const ends = terminal.includes(status);
  const { rows } = await db.query<RunRow>(
    `update workflow_runs
        set status = $2, output = coalesce($3, output), error = coalesce($4, error),
            finished_at = case when $5 then now() else null end,
            lease_owner = case when $5 then null else lease_owner end,
            lease_until = case when $5 then null else lease_until end
      where id = $1 returning *`,
    [
      id,
      status,
      result.output === undefined ? null : JSON.stringify(result.output),
      result.error === undefined ? null : JSON.stringify(result.error),
      ends,
    ],
  );
  return rows[0];
}
