import type { Queryable } from './types.ts';

/**
 * Make a definition's schedules those of its newest version: new crons added (anchored now), ones
 * no longer declared (or all, for a deprecated definition) disabled.
 */
export async function syncSchedules(
  db: Queryable,
  definitionId: string,
  crons: { cron: string; input: unknown }[],
): Promise<void> {
  await db.query(
    `update workflow_schedules set enabled = false
      where definition_id = $1 and not (cron = any($2::text[]))`,
    [definitionId, crons.map((c) => c.cron)],
  );
  for (const c of crons)
    await db.query(
      `insert into workflow_schedules (definition_id, cron, input) values ($1, $2, $3)
       on conflict (definition_id, cron) do update set enabled = true, input = excluded.input`,
      [definitionId, c.cron, JSON.stringify(c.input ?? {})],
    );
}
