import type { HumanTaskRow, Queryable } from './types.ts';

/** Reassign open tasks whose escalation time has come (each once, whichever process gets there). */
export async function escalateDueTasks(db: Queryable): Promise<HumanTaskRow[]> {
  const { rows } = await db.query<HumanTaskRow>(
    `update workflow_human_tasks set assignee = escalate_to, escalated_at = now()
      where status = 'open' and escalated_at is null and escalate_at <= now() and escalate_to is not null
      returning *`,
  );
  return rows;
}
