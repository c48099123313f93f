import type { ImplementationInput, Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** The run whose current attempt is Mastra run `mastraRunId`, while it is queued or in progress. */
export async function selectUnfinishedRun(
  db: Queryable,
  mastraRunId: string,
): Promise<
  | { id: string; attempt: number; current_phase: Phase | null; input: ImplementationInput }
  | undefined
> {
  const { rows } = await db.query<{
    id: string;
    attempt: number;
    current_phase: Phase | null;
    input: ImplementationInput;
  }>(
    "select id, attempt, current_phase, input from implementation_runs where mastra_run_id = $1 and status in ('queued', 'in_progress')",
    [mastraRunId],
  );
  return rows[0];
}
