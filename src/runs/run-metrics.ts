import type pg from 'pg';
import { runMetricFigures, type RunMetricFigures } from '../db/runs/run-metric-figures.ts';
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
  /** Per agent of the workflow: calls, tokens in and out, mean latency, calls rules mode answered. */
  agents: RunMetricFigures['agents'];
}

export async function runMetrics(db: pg.Pool): Promise<RunMetrics> {
  const figures = await runMetricFigures(db);
  const { active, completed, finished } = figures.counts;
  const { reviewed, refined } = figures.refinements;
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  const phaseMinutes = Object.fromEntries(phases.map((p) => [p, null])) as Record<
    Phase,
    number | null
  >;
  for (const row of figures.durations) phaseMinutes[row.phase] = round(Number(row.minutes), 2);
  return {
    activeWorkflows: active,
    finishedWorkflows: finished,
    avgReviewScore:
      figures.avgScore === null || figures.avgScore === undefined
        ? null
        : round(Number(figures.avgScore)),
    successRate: finished ? round(completed / finished, 3) : null,
    refinementFrequency: reviewed ? round(refined / reviewed, 3) : null,
    phaseMinutes,
    agents: figures.agents,
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
    '',
    'Agent Performance:',
    ...(m.agents.length
      ? m.agents.map(
          (a) =>
            `• ${a.agentId}: ${a.calls} calls, ${a.tokensIn + a.tokensOut} tokens, ~${a.avgLatencyMs} ms` +
            (a.fallbackCalls ? `, ${a.fallbackCalls} by rules fallback` : ''),
        )
      : ['• —']),
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
