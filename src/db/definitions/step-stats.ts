import type { Queryable } from './types.ts';

export interface StepStatsRow {
  step_id: string;
  kind: string;
  runs: number;
  completed: number;
  failed: number;
  skipped: number;
  retried: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  mean_ms: number | null;
  by_class: Record<string, number> | null;
}

/** Per step of a definition: counts by outcome, retries, duration percentiles, errors by class. */
export async function stepStats(db: Queryable, definitionId: string): Promise<StepStatsRow[]> {
  const { rows } = await db.query<StepStatsRow>(
    `select s.step_id, min(s.kind) as kind, count(*)::int as runs,
            count(*) filter (where s.status = 'completed')::int as completed,
            count(*) filter (where s.status = 'failed')::int as failed,
            count(*) filter (where s.status = 'skipped')::int as skipped,
            count(*) filter (where s.tries > 1)::int as retried,
            percentile_cont(0.5) within group (order by s.duration_ms) filter (where s.status = 'completed') as p50_ms,
            percentile_cont(0.9) within group (order by s.duration_ms) filter (where s.status = 'completed') as p90_ms,
            percentile_cont(0.99) within group (order by s.duration_ms) filter (where s.status = 'completed') as p99_ms,
            avg(s.duration_ms) filter (where s.status = 'completed')::float as mean_ms,
            (select jsonb_object_agg(c.error_class, c.n) from (
               select error_class, count(*)::int as n from workflow_step_results x
                 join workflow_runs xr on xr.id = x.run_id
                where xr.definition_id = $1 and x.step_id = s.step_id and x.error_class is not null
                group by error_class) c) as by_class
       from workflow_step_results s join workflow_runs r on r.id = s.run_id
      where r.definition_id = $1
      group by s.step_id order by s.step_id`,
    [definitionId],
  );
  return rows;
}
