import type pg from 'pg';
import { phases, type Phase } from '../../workflows/implementation/schemas.ts';

/** Seed 003's "Workflow Performance Dashboard" figures, computed from the run tables. */
export interface RunMetrics {
  activeWorkflows: number;
  finishedWorkflows: number;
  /** Mean of every review score (first reviews and re-reviews after refinement), null before any. */
  avgReviewScore: number | null;
  /** Completed ÷ finished (completed, failed, rejected), null before any finished. */
  successRate: number | null;
  /** Share of runs past their first review that needed at least one refinement round. */
  refinementFrequency: number | null;
  /** Mean duration of each phase, in minutes, over completed phases. */
  phaseMinutes: Record<Phase, number | null>;
}

export async function runMetrics(db: pg.Pool): Promise<RunMetrics> {
  const [counts, scores, refinements, durations] = await Promise.all([
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
  ]);
  const { active, completed, finished } = counts.rows[0]!;
  const { reviewed, refined } = refinements.rows[0]!;
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  const phaseMinutes = Object.fromEntries(phases.map((p) => [p, null])) as Record<
    Phase,
    number | null
  >;
  for (const row of durations.rows) phaseMinutes[row.phase] = round(Number(row.minutes), 2);
  return {
    activeWorkflows: active,
    finishedWorkflows: finished,
    avgReviewScore:
      scores.rows[0]?.avg === null || scores.rows[0]?.avg === undefined
        ? null
        : round(Number(scores.rows[0].avg)),
    successRate: finished ? round(completed / finished, 3) : null,
    refinementFrequency: reviewed ? round(refined / reviewed, 3) : null,
    phaseMinutes,
  };
}

/** The seed's dashboard box, for terminals (`?format=text`). */
export function renderDashboard(m: RunMetrics): string {
  const minutes = (v: number | null) =>
    v === null ? '—' : v < 1 ? `~${Math.round(v * 60)} s` : `~${Math.round(v)} min`;
  const lines = [
    'Workflow Performance Dashboard',
    '',
    `Active Workflows: ${m.activeWorkflows}`,
    `Avg Review Score: ${m.avgReviewScore ?? '—'}`,
    `Success Rate: ${m.successRate === null ? '—' : `${Math.round(m.successRate * 100)}%`}`,
    `Refinement Frequency: ${m.refinementFrequency === null ? '—' : `${Math.round(m.refinementFrequency * 100)}%`}`,
    '',
    'Phase Times:',
    `• Planning: ${minutes(m.phaseMinutes.plan)}`,
    `• Review: ${minutes(m.phaseMinutes.review)}`,
    `• Refinement: ${minutes(m.phaseMinutes.refine)}`,
    `• Implementation: ${minutes(m.phaseMinutes.implement)}`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const row = (text: string) => `│ ${text.padEnd(width - 1)}│`;
  return (
    [
      `┌${'─'.repeat(width)}┐`,
      row(lines[0]!),
      `├${'─'.repeat(width)}┤`,
      ...lines.slice(2).map(row),
      `└${'─'.repeat(width)}┘`,
    ].join('\n') + '\n'
  );
}
