import type { Queryable } from './types.ts';

export interface RunDayRow {
  day: string;
  runs: number;
  completed: number;
  failed: number;
  p50_ms: number | null;
}

/** A definition's runs per day: counts by outcome and the median duration (the trend). */
export async function runStats(db: Queryable, definitionId: string): Promise<RunDayRow[]> {
  const { rows } = await db.query<RunDayRow>(
    `select to_char(date_trunc('day', created_at), 'YYYY-MM-DD') as day, count(*)::int as runs,
            count(*) filter (where status = 'completed')::int as completed,
            count(*) filter (where status = 'failed')::int as failed,
            percentile_cont(0.5) within group (
              order by extract(epoch from finished_at - started_at) * 1000) as p50_ms
       from workflow_runs where definition_id = $1
      group by 1 order by 1`,
    [definitionId],
  );
  return rows;
}
