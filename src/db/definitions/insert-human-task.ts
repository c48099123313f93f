import type { HumanTaskRow, Queryable } from './types.ts';

/** Open a human task for a step (once: a resumed or recovered step gets the same task back). */
export async function insertHumanTask(
  db: Queryable,
  task: {
    id: string;
    runId: string;
    stepId: string;
    kind: 'task' | 'escalation';
    title: string;
    assignee: string;
    details?: unknown;
    escalateAfterMs?: number;
    escalateTo?: string;
  },
): Promise<HumanTaskRow> {
  const { rows } = await db.query<HumanTaskRow>(
    `with ins as (
       insert into workflow_human_tasks (id, run_id, step_id, kind, title, assignee, details, escalate_at, escalate_to)
       values ($1, $2, $3, $4, $5, $6, $7,
               case when $8::int is null then null else now() + $8 * interval '1 millisecond' end, $9)
       on conflict (run_id, step_id, kind) do nothing returning *)
     select * from ins
     union all
     select * from workflow_human_tasks where run_id = $2 and step_id = $3 and kind = $4
     limit 1`,
    [
      task.id,
      task.runId,
      task.stepId,
      task.kind,
      task.title,
      task.assignee,
      task.details === undefined ? null : JSON.stringify(task.details),
      task.escalateAfterMs ?? null,
      task.escalateTo ?? null,
    ],
  );
  return rows[0]!;
}
