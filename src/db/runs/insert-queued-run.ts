import type { ImplementationInput } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/**
 * A new run, queued and owned by `ownerKey`. With an idempotency key already used, nothing is
 * inserted. Returns whether the row was inserted.
 */
export async function insertQueuedRun(
  db: Queryable,
  run: {
    id: string;
    input: ImplementationInput;
    ownerKey: number;
    idempotencyKey: string | null;
  },
): Promise<boolean> {
  const row = await db.query<{ id: string }>(
    `insert into implementation_runs (id, mastra_run_id, status, input, owner_key, idempotency_key) values ($1, $1, 'queued', $2, $3, $4)
           on conflict (idempotency_key) do nothing returning id`,
    [run.id, JSON.stringify(run.input), run.ownerKey, run.idempotencyKey],
  );
  return row.rowCount !== 0;
}
