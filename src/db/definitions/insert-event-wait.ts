import type { Queryable } from './types.ts';

/** Register that a run's step waits for `event` (until `timeoutMs`, when given). Idempotent. */
export async function insertEventWait(
  db: Queryable,
  wait: { runId: string; stepId: string; event: string; timeoutMs?: number },
): Promise<{ status: string; payload: unknown }> {
  await db.query(
    `insert into workflow_event_waits (run_id, step_id, event, due_at)
     values ($1, $2, $3, case when $4::int is null then null else now() + $4 * interval '1 millisecond' end)
     on conflict do nothing`,
    [wait.runId, wait.stepId, wait.event, wait.timeoutMs ?? null],
  );
  const { rows } = await db.query<{ status: string; payload: unknown }>(
    'select status, payload from workflow_event_waits where run_id = $1 and step_id = $2',
    [wait.runId, wait.stepId],
  );
  return rows[0]!;
}
