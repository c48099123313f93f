import type { Queryable, RunRow } from './types.ts';

/**
 * Make an ended (failed or cancelled) run runnable again: the next attempt, leased to `owner`.
 * Completed step results are reused, except those a saga undid (compensation done): those steps run
 * again, and so do the forks and fork branches around them (`forksAround`: step → their ids).
 * Failed, skipped and cancelled results are dropped (they run again), except inside a fork kept as
 * completed (e.g. a branch its `any` join cancelled stays cancelled). The saga plan is dropped too: a
 * later failure plans its own, over what is completed then; so are the human tasks and event waits
 * of the steps that run again. Call it inside a transaction.
 */
export async function restartRun(
  db: Queryable,
  id: string,
  owner: string,
  leaseMs: number,
  forksAround: Map<string, string[]> = new Map(),
): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `update workflow_runs
        set status = 'queued', attempt = attempt + 1, error = null, output = null, finished_at = null,
            cancel_requested = false, lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
      where id = $1 and status in ('failed', 'cancelled') returning *`,
    [id, owner, leaseMs],
  );
  if (!rows[0]) return undefined;
  const undone = (
    await db.query<{ step_id: string }>(
      `select step_id from workflow_compensations where run_id = $1 and status = 'done'`,
      [id],
    )
  ).rows.map((r) => r.step_id);
  const redo = new Set([...undone, ...undone.flatMap((s) => forksAround.get(s) ?? [])]);
  const results = (
    await db.query<{ step_id: string; status: string }>(
      'select step_id, status from workflow_step_results where run_id = $1',
      [id],
    )
  ).rows;
  const completed = new Set(
    results.filter((r) => r.status === 'completed' && !redo.has(r.step_id)).map((r) => r.step_id),
  );
  const keep = results
    .filter(
      (r) =>
        completed.has(r.step_id) ||
        (forksAround.get(r.step_id) ?? []).some((around) => completed.has(around)),
    )
    .map((r) => r.step_id);
  await db.query(
    'delete from workflow_step_results where run_id = $1 and step_id <> all($2::text[])',
    [id, keep],
  );
  await db.query('delete from workflow_compensations where run_id = $1', [id]);
  // A step that runs again asks again and waits again: its cancelled (or answered) task and its
  // timed-out wait would otherwise be found by (run, step) and the step never resumed.
  for (const table of ['workflow_human_tasks', 'workflow_event_waits'])
    await db.query(`delete from ${table} where run_id = $1 and step_id <> all($2::text[])`, [
      id,
      keep,
    ]);
  return rows[0];
}
