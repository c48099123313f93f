import type { CompensationRow, Queryable } from './types.ts';

/** A run's saga plan and its progress, in order. */
export async function listCompensations(db: Queryable, runId: string): Promise<CompensationRow[]> {
  const { rows } = await db.query<CompensationRow>(
    'select * from workflow_compensations where run_id = $1 order by position',
    [runId],
  );
  return rows;
}
