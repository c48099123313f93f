import { readFile } from 'node:fs/promises';
import { AppError } from '../src/errors/app-error.ts';
import type { AgentReport, EvalReport } from './report.ts';
import { formatTable } from './report.ts';

/** Metrics compared between runs, and whether a higher value is better. */
const compared: [keyof AgentReport, boolean][] = [
  ['accuracy', true],
  ['macroF1', true],
  ['bandHitRate', true],
  ['schemaValidity', true],
  ['leakRate', false],
  ['lengthHitRate', true],
  ['meanReadability', true],
  ['completeness', true],
  ['toxicity', false],
  ['meanLatencyMs', false],
];

export interface MetricChange {
  agent: string;
  metric: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  /** `better`, `worse` or `same`; `n/a` when one side did not measure it. */
  direction: 'better' | 'worse' | 'same' | 'n/a';
}

/** Metric-by-metric difference between two runs' JSON reports (agents present in either). */
export function compareReports(
  before: Pick<EvalReport, 'agents'>,
  after: Pick<EvalReport, 'agents'>,
): MetricChange[] {
  const agents = [...new Set([...Object.keys(before.agents), ...Object.keys(after.agents)])];
  const changes: MetricChange[] = [];
  for (const agent of agents) {
    for (const [metric, higherIsBetter] of compared) {
      const a = (before.agents[agent]?.[metric] as number | null | undefined) ?? null;
      const b = (after.agents[agent]?.[metric] as number | null | undefined) ?? null;
      if (a === null && b === null) continue;
      const delta = a !== null && b !== null ? b - a : null;
      const direction =
        delta === null
          ? 'n/a'
          : Math.abs(delta) < 1e-9
            ? 'same'
            : delta > 0 === higherIsBetter
              ? 'better'
              : 'worse';
      changes.push({ agent, metric, before: a, after: b, delta, direction });
    }
  }
  return changes;
}

export function formatComparison(changes: readonly MetricChange[]): string {
  const fmt = (v: number | null, metric: string) =>
    v === null ? '–' : metric === 'meanLatencyMs' ? v.toFixed(1) : v.toFixed(3);
  const mark = { better: '▲', worse: '▼', same: '=', 'n/a': '' } as const;
  return formatTable(
    ['agent', 'metric', 'before', 'after', 'Δ', ''],
    changes.map((c) => [
      c.agent,
      c.metric,
      fmt(c.before, c.metric),
      fmt(c.after, c.metric),
      c.delta === null ? '–' : `${c.delta > 0 ? '+' : ''}${fmt(c.delta, c.metric)}`,
      mark[c.direction],
    ]),
  );
}

/** Read a report written with `--json`. */
export async function readReport(file: string): Promise<EvalReport> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new AppError(
      'VALIDATION_ERROR',
      `${file} is not a readable eval report: ${(err as Error).message}`,
      { field: 'compare', cause: err },
    );
  }
  if (
    !json ||
    typeof json !== 'object' ||
    typeof (json as { agents?: unknown }).agents !== 'object'
  ) {
    throw new AppError('VALIDATION_ERROR', `${file} is not an eval report (no "agents" object)`, {
      field: 'compare',
    });
  }
  return json as EvalReport;
}
