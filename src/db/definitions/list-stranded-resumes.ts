import type { Queryable } from './types.ts';

export interface StrandedResume {
  run_id: string;
  step_id: string;
  task_id: string | null;
  task_kind: 'task' | 'escalation' | null;
  answer: unknown;
  wait_status: 'matched' | 'timed_out' | null;
  payload: unknown;
}

/**
 * Waiting runs whose answer arrived (a task answered, an event matched or timed out) but whose step
 * still waits, with nobody driving them, `graceMs` after the answer: the process that took the
 * answer died before resuming. The background pass resumes them.
 */
export async function listStrandedResumes(
  db: Queryable,
  graceMs: number,
): Promise<StrandedResume[]> {
  const { rows } = await db.query<StrandedResume>(
    `select r.id as run_id, t.step_id, t.id as task_id, t.kind as task_kind, t.answer,
            null as wait_status, null::jsonb as payload
       from workflow_runs r
       join workflow_human_tasks t on t.run_id = r.id and t.status = 'answered'
        and t.answered_at < now() - $1 * interval '1 millisecond'
       join workflow_step_results s on s.run_id = r.id and s.step_id = t.step_id and s.status = 'waiting'
      where r.status = 'waiting' and r.lease_owner is null
     union all
     select r.id, w.step_id, null, null, null, w.status, w.payload
       from workflow_runs r
       join workflow_event_waits w on w.run_id = r.id and w.status in ('matched', 'timed_out')
       join workflow_step_results s on s.run_id = r.id and s.step_id = w.step_id and s.status = 'waiting'
        and s.started_at < now() - $1 * interval '1 millisecond'
      where r.status = 'waiting' and r.lease_owner is null
      limit 50`,
    [graceMs],
  );
  return rows;
}
