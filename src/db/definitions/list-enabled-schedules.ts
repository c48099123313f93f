import type { Queryable } from './types.ts';

export interface ScheduleRow {
  id: string;
  definition_id: string;
  cron: string;
  input: Record<string, unknown>;
  anchor_at: Date;
}

/** Schedules to tick, with the database's clock (every process compares against the same one). */
export async function listEnabledSchedules(
  db: Queryable,
): Promise<{ schedules: ScheduleRow[]; now: Date }> {
  const { rows } = await db.query<ScheduleRow & { now: Date }>(
    `select s.id, s.definition_id, s.cron, s.input, s.anchor_at, now() as now
       from workflow_schedules s join workflow_definitions d on d.id = s.definition_id
      where s.enabled and d.status = 'active'`,
  );
  const now = rows[0]?.now ?? new Date();
  return { schedules: rows, now };
}
