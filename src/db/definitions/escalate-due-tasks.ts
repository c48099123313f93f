import type { HumanTaskRow, Queryable } from './types.ts';

/**
 * Reassign open tasks whose escalation time has come (each once, whichever process gets there) and
 * record `task.escalated` in the same statement, so no reader sees the reassignment without its event.
 */
export async function escalateDueTasks(db: Queryable): Promise<HumanTaskRow[]> {
  const { rows } = await db.query<HumanTaskRow>(
    `with escalated as (
       update workflow_human_tasks set assignee = escalate_to, escalated_at = now()
        where status = 'open' and escalated_at is null and escalate_at <= now()
          and escalate_to is not null
        returning *
     ), logged as (
       insert into workflow_run_events (run_id, type, data)
       select run_id, 'task.escalated', jsonb_build_object('task', id, 'assignee', assignee)
         from escalated
     )
     select * from escalated`,
  );
  return rows;
}
