import type { Queryable, RunRow } from './types.ts';

/**
 * Create a run pinned to `version`, leased to the creating process. With an idempotency key seen
 * before, nothing is inserted and the first run comes back with `duplicate: true`.
 */
export async function insertRun(
  db: Queryable,
  run: {
    id: string;
    definitionId: string;
    version: number;
    input: unknown;
    trigger: unknown;
    idempotencyKey?: string;
    owner: string;
    leaseMs: number;
  },
): Promise<{ row: RunRow; duplicate: boolean }> {
  const { rows } = await db.query<RunRow>(
    `insert into workflow_runs (id, definition_id, version, input, trigger, idempotency_key, lease_owner, lease_until)
     values ($1, $2, $3, $4, $5, $6, $7, now() + $8 * interval '1 millisecond')
     on conflict (idempotency_key) do nothing returning *`,
    [
      run.id,
      run.definitionId,
      run.version,
      JSON.stringify(run.input ?? {}),
      JSON.stringify(run.trigger),
      run.idempotencyKey ?? null,
      run.owner,
      run.leaseMs,
    ],
  );
  if (rows[0]) return { row: rows[0], duplicate: false };
  const existing = await db.query<RunRow>(
    'select * from workflow_runs where idempotency_key = $1',
    [run.idempotencyKey],
  );
  return { row: existing.rows[0]!, duplicate: true };
}
