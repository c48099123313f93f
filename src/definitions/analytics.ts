import type pg from 'pg';
import { templateExpressions } from './expression/template.ts';
import { parseExpression, referencedSteps } from './expression/parse.ts';
import type { Definition, Step } from './schema.ts';
import { runStats } from '../db/definitions/run-stats.ts';
import { stepStats } from '../db/definitions/step-stats.ts';

export interface Recommendation {
  type: 'parallelization' | 'performance' | 'reliability';
  priority: 'high' | 'medium' | 'low';
  description: string;
  steps: string[];
}

/** Every `steps.<id>` a step reads (its condition, prompt, mappings…). */
function readsOf(step: Step): Set<string> {
  const sources: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') sources.push(...templateExpressions(value));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const {
    id: _id,
    kind: _kind,
    when,
    ...rest
  } = step as Step & { match?: string; condition?: string };
  if (when) sources.push(when);
  for (const key of ['match', 'condition'] as const) {
    const value = (step as Record<string, unknown>)[key];
    if (typeof value === 'string') sources.push(value);
  }
  collect(rest);
  const reads = new Set<string>();
  for (const source of sources) {
    try {
      for (const id of referencedSteps(parseExpression(source))) reads.add(id);
    } catch {
      // Stored definitions were validated; nothing to learn from a bad one here.
    }
  }
  return reads;
}

/**
 * Steps that wait for the one before them only because they follow it in the list: they read
 * nothing of it and declare no dependency, so they could run beside it.
 */
export function parallelizable(definition: Definition): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (list: Step[]) => {
    list.forEach((step, i) => {
      if (
        i > 0 &&
        step.dependsOn === undefined &&
        step.kind !== 'human' &&
        list[i - 1]!.kind !== 'human'
      ) {
        const before = list[i - 1]!;
        const reads = readsOf(step);
        if (!reads.has(before.id)) pairs.push([before.id, step.id]);
      }
      if (step.kind === 'parallel') step.branches.forEach((b) => visit(b.steps));
      if (step.kind === 'branch') {
        visit(step.trueBranch);
        if (step.falseBranch) visit(step.falseBranch);
      }
    });
  };
  visit(definition.steps);
  return pairs;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/**
 * Analytics of a definition (all versions): per step duration percentiles, success and error rates
 * by class, retries; bottlenecks (the steps taking the largest share of the time); runs per day
 * (trend); and recommendations: steps that could run in parallel, slow steps, flaky steps.
 */
export async function definitionAnalytics(pool: pg.Pool, definitionId: string, latest: Definition) {
  const steps = (await stepStats(pool, definitionId)).filter((s) => s.kind !== 'branch');
  const trend = await runStats(pool, definitionId);
  const totalMean = steps.reduce((sum, s) => sum + (s.mean_ms ?? 0), 0);
  const perStep = steps.map((s) => ({
    step: s.step_id,
    kind: s.kind,
    runs: s.runs,
    successRate: s.runs ? s.completed / s.runs : 0,
    errorRate: s.runs ? s.failed / s.runs : 0,
    skipRate: s.runs ? s.skipped / s.runs : 0,
    retryRate: s.runs ? s.retried / s.runs : 0,
    errorsByClass: s.by_class ?? {},
    durationMs: { p50: s.p50_ms, p90: s.p90_ms, p99: s.p99_ms, mean: s.mean_ms },
    shareOfTime: totalMean ? (s.mean_ms ?? 0) / totalMean : 0,
  }));
  const bottlenecks = perStep
    .filter((s) => s.shareOfTime >= 0.3 && (s.durationMs.mean ?? 0) > 0)
    .sort((a, b) => b.shareOfTime - a.shareOfTime)
    .map((s) => ({ step: s.step, shareOfTime: s.shareOfTime, meanMs: s.durationMs.mean }));
  const typical = median(perStep.map((s) => s.durationMs.p50 ?? 0).filter((v) => v > 0));
  const slow = perStep.filter((s) => (s.durationMs.p90 ?? 0) > Math.max(100, 3 * typical));
  const flaky = perStep.filter(
    (s) => s.runs >= 3 && (s.retryRate >= 0.2 || (s.errorRate > 0.1 && s.errorRate < 0.9)),
  );
  const recommendations: Recommendation[] = [];
  for (const [before, step] of parallelizable(latest))
    recommendations.push({
      type: 'parallelization',
      priority: 'medium',
      description: `"${step}" reads nothing of "${before}" and declares no dependency: give it dependsOn (e.g. []) so it runs beside "${before}"`,
      steps: [before, step],
    });
  if (slow.length)
    recommendations.push({
      type: 'performance',
      priority: 'high',
      description:
        'Slow steps (p90 over 3× the typical step): give them a timeout, cache their input, or split them',
      steps: slow.map((s) => s.step),
    });
  if (flaky.length)
    recommendations.push({
      type: 'reliability',
      priority: 'high',
      description:
        'Flaky steps (retried or failing intermittently): check their target, raise retries with backoff, or add a circuit breaker fallback',
      steps: flaky.map((s) => s.step),
    });
  const runs = trend.reduce((n, d) => n + d.runs, 0);
  const completed = trend.reduce((n, d) => n + d.completed, 0);
  const failed = trend.reduce((n, d) => n + d.failed, 0);
  return {
    definition: definitionId,
    runs,
    successRate: runs ? completed / runs : 0,
    failureRate: runs ? failed / runs : 0,
    steps: perStep,
    bottlenecks,
    trend,
    recommendations,
  };
}
