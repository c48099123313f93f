import type { Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';
import type { PhaseHistory } from './types.ts';

/** Median phase durations of recently completed phases (all runs), for progress estimates. */
export async function recentPhaseDurations(db: Queryable, sample = 50): Promise<PhaseHistory> {
  const { rows } = await db.query<{
    phase: Phase;
    median_ms: number;
    per_iteration_ms: number | null;
  }>(
    `select phase,
            percentile_cont(0.5) within group (order by duration_ms) as median_ms,
            -- A refine checkpoint times its last round; skipped refinements (0 rounds) say nothing about rounds.
            percentile_cont(0.5) within group (order by duration_ms) filter (where (output->>'refinements')::int > 0) as per_iteration_ms
     from (
       select phase, duration_ms, output, row_number() over (partition by phase order by completed_at desc) as n
       from implementation_checkpoints
     ) recent
     where n <= $1
     group by phase`,
    [sample],
  );
  const out: PhaseHistory = {};
  for (const r of rows)
    out[r.phase] = {
      medianMs: Number(r.median_ms),
      ...(r.per_iteration_ms != null ? { perIterationMs: Number(r.per_iteration_ms) } : {}),
    };
  return out;
}
