import type { Queryable } from './types.ts';

/** Append to a run's event log (what `GET /api/workflow-runs/:id/events` streams). */
export async function appendRunEvent(
  db: Queryable,
  runId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await db.query('insert into workflow_run_events (run_id, type, data) values ($1, $2, $3)', [
    runId,
    type,
    JSON.stringify(data),
  ]);
}
