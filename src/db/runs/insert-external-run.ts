import type { ImplementationInput } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/**
 * The row of a run started outside the run service (Studio, Mastra's HTTP API): its id is the Mastra
 * run id, in progress at the plan phase. Nothing when that Mastra run already belongs to a run.
 * Returns whether the row was inserted.
 */
export async function insertExternalRun(
  db: Queryable,
  mastraRunId: string,
  input: ImplementationInput,
): Promise<boolean> {
  const inserted = await db.query(
    `insert into implementation_runs (id, mastra_run_id, status, current_phase, phase_started_at, input)
         select $1, $1, 'in_progress', 'plan', now(), $2
         where not exists (select 1 from implementation_run_attempts where mastra_run_id = $1)
         on conflict do nothing`,
    [mastraRunId, JSON.stringify(input)],
  );
  return Boolean(inserted.rowCount);
}
