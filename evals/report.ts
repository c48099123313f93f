import type { CaseResult } from './case-result.ts';
import type { DatasetLineError } from './dataset.ts';
import type { Agreement, ClassMetrics, ConfusionMatrix, LabelPair } from './metrics.ts';
import { mean, sum } from './metrics.ts';
import { macroF1Scorer } from './scorers/macro-f1.ts';

/** Metrics of one agent over every case that measured it. `null` = not measured for this agent. */
export interface AgentReport {
  n: number;
  /** Calls that failed even after the rules fallback. */
  errors: number;
  accuracy: number | null;
  macroF1: number | null;
  confusion: ConfusionMatrix | null;
  perClass: ClassMetrics[] | null;
  bandHitRate: number | null;
  schemaValidity: number;
  leakRate: number | null;
  /** Share of replies whose length is inside the expected range. */
  lengthHitRate: number | null;
  meanWords: number | null;
  /** Mean Flesch reading ease / 100. */
  meanReadability: number | null;
  judge: { mean: number; dimensions: Record<string, number> } | null;
  /** Mean `@mastra/evals` completeness of replies against the learner's message (hints, explanations). */
  completeness: number | null;
  /** Mean `@mastra/evals` toxicity of replies (lower is better); only with a judge. */
  toxicity: number | null;
  meanLatencyMs: number;
  p95LatencyMs: number;
  tokens: { input: number; output: number };
  models: string[];
  /** Cases the configured model failed on, answered by rules mode instead. */
  fallbacks: number;
  /** Which model actually answered each case (`rules/<agent>` after a fallback), in dataset order. */
  answeredBy: { caseId: string; model: string | null; fallback: boolean }[];
  /** Cases that missed (wrong label, band miss, leak, error), at most 100. */
  failures: { caseId: string; expected?: string; predicted?: string; why: string }[];
}

export interface CalibrationReport {
  judge: string;
  n: number;
  /** Judge–human agreement per dimension. */
  dimensions: Record<string, Agreement>;
  meanQuadraticKappa: number;
  meanExact: number;
}

export interface EvalReport {
  version: 1;
  createdAt: string;
  durationMs: number;
  /** Model the agents were asked to use (`env` = whatever the environment configures, offline rules mode). */
  model: string;
  judge: string | null;
  datasets: { file: string; kind: string; cases: number; lineErrors: DatasetLineError[] }[];
  agents: Record<string, AgentReport>;
  judgeCalibration: CalibrationReport | null;
  /** Thresholds missed (filled by the runner from `evals/thresholds.json`). */
  thresholdFailures: {
    agent: string;
    metric: string;
    value: number | null;
    min?: number;
    max?: number;
  }[];
}

const ratio = (items: readonly boolean[]) =>
  items.length ? items.filter(Boolean).length / items.length : null;

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Aggregate one agent's case results; `labels` fixes the confusion matrix order. */
export async function summariseAgent(
  results: readonly CaseResult[],
  labels: readonly string[] = [],
): Promise<AgentReport> {
  const labelled = results.filter((r) => r.expected !== undefined);
  let accuracy: number | null = null;
  let macroF1: number | null = null;
  let confusion: ConfusionMatrix | null = null;
  let perClass: ClassMetrics[] | null = null;
  if (labelled.length) {
    const pairs: LabelPair[] = labelled.map((r) => ({
      expected: r.expected!,
      predicted: r.predicted ?? '(error)',
    }));
    const f1 = await macroF1Scorer.run({ output: pairs, groundTruth: { labels: [...labels] } });
    accuracy = ratio(labelled.map((r) => r.correct === true));
    macroF1 = f1.score ?? 0;
    confusion = f1.analyzeStepResult?.confusion ?? null;
    perClass = f1.analyzeStepResult?.perClass ?? null;
  }
  const banded = results.filter((r) => r.band);
  const leakChecked = results.filter((r) => r.leak);
  const lengths = results.filter((r) => r.words !== undefined);
  const judged = results.filter((r) => r.judge);
  const completed = results.filter((r) => r.completeness !== undefined);
  const toxicityRated = results.filter((r) => r.toxicity !== undefined);
  const latencies = results.filter((r) => !r.error).map((r) => r.latencyMs);
  const dimensions: Record<string, number> = {};
  if (judged.length) {
    for (const d of Object.keys(judged[0]!.judge!.ratings)) {
      dimensions[d] = mean(
        judged.map((r) => (r.judge!.ratings as Record<string, number | undefined>)[d] ?? 0),
      );
    }
  }

  const failures: AgentReport['failures'] = [];
  for (const r of results) {
    if (failures.length >= 100) break;
    const why = r.error
      ? `error: ${r.error}`
      : r.expected !== undefined && r.correct === false
        ? 'wrong label'
        : r.bandHit === false
          ? `score ${r.score} outside [${r.band!.min}, ${r.band!.max}]`
          : r.leak?.leaked
            ? `leak: ${r.leak.reasons.join('; ')}`
            : undefined;
    if (why)
      failures.push({
        caseId: r.caseId,
        ...(r.expected !== undefined ? { expected: r.expected } : {}),
        ...(r.predicted !== undefined ? { predicted: r.predicted } : {}),
        why,
      });
  }

  return {
    n: results.length,
    errors: results.filter((r) => r.error).length,
    accuracy,
    macroF1,
    confusion,
    perClass,
    bandHitRate: ratio(banded.map((r) => r.bandHit === true)),
    schemaValidity: ratio(results.map((r) => r.schemaValid)) ?? 0,
    leakRate: ratio(leakChecked.map((r) => r.leak!.leaked)),
    lengthHitRate: ratio(lengths.map((r) => r.lengthScore === 1)),
    meanWords: lengths.length ? mean(lengths.map((r) => r.words!)) : null,
    meanReadability: lengths.length ? mean(lengths.map((r) => r.readability ?? 0)) : null,
    judge: judged.length ? { mean: mean(judged.map((r) => r.judge!.score)), dimensions } : null,
    completeness: completed.length ? mean(completed.map((r) => r.completeness!)) : null,
    toxicity: toxicityRated.length ? mean(toxicityRated.map((r) => r.toxicity!)) : null,
    meanLatencyMs: mean(latencies),
    p95LatencyMs: percentile(latencies, 95),
    tokens: {
      input: sum(results.map((r) => r.inputTokens)),
      output: sum(results.map((r) => r.outputTokens)),
    },
    models: [...new Set(results.map((r) => r.model).filter((m): m is string => !!m))],
    fallbacks: results.filter((r) => r.fallback).length,
    answeredBy: results.map((r) => ({
      caseId: r.caseId,
      model: r.model ?? null,
      fallback: r.fallback === true,
    })),
    failures,
  };
}

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** Cases answered by rules mode because the configured model failed, over every agent. */
export function totalFallbacks(agents: Record<string, AgentReport>): number {
  return Object.values(agents).reduce((n, a) => n + a.fallbacks, 0);
}

/**
 * The per-agent summary table printed at the end of a run. `fallbacks` adds a column counting the
 * cases each agent answered in rules mode after the configured model failed (a run with a model);
 * it also appears whenever a case fell back, so a table never hides that it measured the rules.
 */
export function formatAgentTable(
  agents: Record<string, AgentReport>,
  options: { fallbacks?: boolean } = {},
): string {
  // Toxicity needs a judge: the column only appears when a run measured it.
  const toxicity = Object.values(agents).some((a) => a.toxicity !== null);
  const fallbacks = options.fallbacks === true || totalFallbacks(agents) > 0;
  const header = [
    'agent',
    'n',
    'err',
    ...(fallbacks ? ['fallback'] : []),
    'accuracy',
    'macro-F1',
    'band hit',
    'leak',
    'length ok',
    'complete',
    ...(toxicity ? ['toxic'] : []),
    'ms (mean)',
    'tokens in/out',
  ];
  const rows = Object.entries(agents).map(([id, a]) => [
    id,
    String(a.n),
    String(a.errors),
    ...(fallbacks ? [String(a.fallbacks)] : []),
    pct(a.accuracy),
    num(a.macroF1),
    pct(a.bandHitRate),
    pct(a.leakRate),
    pct(a.lengthHitRate),
    num(a.completeness),
    ...(toxicity ? [num(a.toxicity)] : []),
    a.meanLatencyMs.toFixed(1),
    `${a.tokens.input}/${a.tokens.output}`,
  ]);
  return formatTable(header, rows);
}

/** Judge–human agreement per dimension. */
export function formatCalibrationTable(c: CalibrationReport): string {
  const rows = Object.entries(c.dimensions).map(([d, a]) => [
    d,
    String(a.n),
    pct(a.exact),
    pct(a.withinOne),
    a.meanAbsoluteError.toFixed(2),
    a.quadraticKappa.toFixed(3),
  ]);
  return (
    `judge ${c.judge} on ${c.n} labelled hints\n` +
    formatTable(['dimension', 'n', 'exact', 'within 1', 'MAE', 'QW kappa'], rows)
  );
}

/** A plain monospace table: left-aligned first column, right-aligned numbers. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
