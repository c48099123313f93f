import type { RunStatus } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** The run started under idempotency key `key`: its id, status and the input it was started with. */
export async function selectRunByIdempotencyKey(
  db: Queryable,
  key: string | undefined,
): Promise<{ id: string; status: RunStatus; input: unknown } | undefined> {
  const { rows } = await db.query<{ id: string; status: RunStatus; input: unknown }>(
    'select id, status, input from implementation_runs where idempotency_key = $1',
    [key],
  );
  return rows[0];
}
