import type { ImplementationInput } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** Lock the run whose current attempt is Mastra run `mastraRunId`; undefined when none is. */
export async function lockRunByMastraRun(
  db: Queryable,
  mastraRunId: string,
): Promise<
  { id: string; attempt: number; input: ImplementationInput; status: string } | undefined
> {
  const { rows } = await db.query<{
    id: string;
    attempt: number;
    input: ImplementationInput;
    status: string;
  }>(
    'select id, attempt, input, status from implementation_runs where mastra_run_id = $1 for update',
    [mastraRunId],
  );
  return rows[0];
}
