import type { Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** The raw figures of seed 003's dashboard, straight from the run tables. */
export interface RunMetricFigures {
  counts: { active: number; completed: number; finished: number };
  /** Mean of every review score (numeric as text), null before any. */
  avgScore: string | null | undefined;
  refinements: { reviewed: number; refined: number };
  /** Mean duration of each completed phase, in minutes (numeric as text). */
  durations: { phase: Phase; minutes: string }[];
  /** Seed 003's agent performance: calls, tokens and mean latency per agent (`agent.called` events). */
  agents: {
    agentId: string;
    calls: number;
    tokensIn: number;
    tokensOut: number;
    avgLatencyMs: number;
    fallbackCalls: number;
  }[];
}

/** Run counts, review scores, refinement counts, phase durations and agent figures, in parallel. */
export async function runMetricFigures(db: Queryable): Promise<RunMetricFigures> {
  const [counts, scores, refinements, durations, agents] = await Promise.all([
    db.query<{ active: number; completed: number; finished: number }>(
      `select count(*) filter (where status in ('queued', 'in_progress', 'awaiting_approval'))::int as active,
              count(*) filter (where status = 'completed')::int as completed,
              count(*) filter (where status in ('completed', 'failed', 'rejected'))::int as finished
         from implementation_runs`,
    ),
    db.query<{ avg: string | null }>(
      `select avg((data->>'score')::numeric) as avg from implementation_run_events
        where type = 'phase.completed' and data->>'phase' in ('review', 'refine') and data ? 'score'`,
    ),
    db.query<{ reviewed: number; refined: number }>(
      `select count(distinct c.run_id)::int as reviewed,
              count(distinct a.run_id)::int as refined
         from implementation_checkpoints c
         left join implementation_artifacts a on a.run_id = c.run_id and a.kind = 'refinement'
        where c.phase = 'review'`,
    ),
    db.query<{ phase: Phase; minutes: string }>(
      'select phase, avg(duration_ms) / 60000.0 as minutes from implementation_checkpoints group by phase',
    ),
    db.query<RunMetricFigures['agents'][number]>(
      `select data->>'agentId' as "agentId", count(*)::int as calls,
              coalesce(sum((data->>'tokensIn')::int), 0)::int as "tokensIn",
              coalesce(sum((data->>'tokensOut')::int), 0)::int as "tokensOut",
              round(avg((data->>'latencyMs')::numeric))::int as "avgLatencyMs",
              count(*) filter (where (data->>'fallback')::boolean)::int as "fallbackCalls"
         from implementation_run_events where type = 'agent.called'
        group by 1 order by 1`,
    ),
  ]);
  return {
    counts: counts.rows[0]!,
    avgScore: scores.rows[0]?.avg,
    refinements: refinements.rows[0]!,
    durations: durations.rows,
    agents: agents.rows,
  };
}
