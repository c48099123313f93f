import type { MastraModelConfig } from '@mastra/core/llm';
import { AppError } from '../src/errors/app-error.ts';
import type { AgentAdapter } from './agent-adapter.ts';
import { runJudgeCalibration } from './calibration.ts';
import type { CaseResult } from './case-result.ts';
import { type Dataset, loadDataset } from './dataset.ts';
import { blockerCategories, type CalibrationCase, planVerdicts, understandingLevels } from './dataset-schemas.ts';
import { type Progress, silentProgress } from './progress.ts';
import { type AgentReport, type EvalReport, summariseAgent } from './report.ts';
import { createTutorRubricJudge } from './scorers/tutor-rubric-judge.ts';
import { type Suite, type SuiteContext, suites } from './suites.ts';

export interface RunOptions {
  /** Dataset files (JSONL); their format is detected from the name or the first line. */
  datasets: string[];
  adapter: AgentAdapter;
  /** Only cases measuring these agent ids (`blocker-diagnosis`, `hint-giver`, `safety`…). */
  agents?: string[];
  /** LLM judge for hints/explanations and the calibration set. */
  judge?: { id: string; model: MastraModelConfig };
  /** Label for the report's `model` field. */
  model?: string;
  /** Cases run at once (agents are called concurrently; rules mode is CPU-bound, so 1–4 is plenty). */
  concurrency?: number;
  /** Progress reporting for a run of `total` cases (default: silent). */
  progress?: (total: number) => Progress;
  now?: Date;
}

/** Label order of each classifier's confusion matrix. */
const labelOrder: Record<string, readonly string[]> = {
  'blocker-diagnosis': blockerCategories,
  'understanding-assessor': understandingLevels,
  'plan-reviewer': planVerdicts,
  safety: ['escalate', 'continue'],
};

interface Job {
  dataset: string;
  agentId: string;
  run: (ctx: SuiteContext) => Promise<CaseResult>;
}

/**
 * Run datasets against the agents and aggregate per agent. Malformed dataset lines are reported in
 * `datasets[].lineErrors` and skipped; a failing agent call is recorded on its case and the run goes
 * on. Thresholds are checked by the caller (`evals/run.ts`).
 */
export async function runEval(options: RunOptions): Promise<EvalReport> {
  const started = performance.now();
  const notes: string[] = [];
  const loaded: Dataset[] = [];
  for (const file of options.datasets) loaded.push(await loadDataset(file));

  const judge = options.judge ? createTutorRubricJudge({ model: options.judge.model }) : undefined;
  const ctx: SuiteContext = { adapter: options.adapter, ...(judge ? { judge } : {}), now: options.now ?? new Date() };

  const jobs: Job[] = [];
  const calibration: CalibrationCase[] = [];
  const seenAgents = new Set<string>();
  for (const ds of loaded) {
    for (const e of ds.errors) notes.push(`${ds.file}:${e.line}: ${e.message} (line skipped)`);
    if (ds.kind === 'judge-calibration') {
      if (judge) calibration.push(...(ds.cases as CalibrationCase[]));
      else notes.push(`${ds.file}: judge calibration needs --judge; skipped`);
      continue;
    }
    const suite = suites[ds.kind] as Suite<unknown>;
    for (const c of ds.cases) {
      const agentId = suite.agentOf(c);
      seenAgents.add(agentId);
      if (options.agents?.length && !options.agents.includes(agentId)) continue;
      jobs.push({ dataset: ds.file, agentId, run: (context) => suite.run(c, context) });
    }
  }
  if (options.agents?.length) {
    const unknown = options.agents.filter((a) => !seenAgents.has(a));
    if (unknown.length) {
      throw new AppError('VALIDATION_ERROR', `no cases for agent ${unknown.join(', ')} in these datasets (agents here: ${[...seenAgents].join(', ') || 'none'})`, { field: 'agent' });
    }
  }

  const progress = options.progress?.(jobs.length + calibration.length) ?? silentProgress;
  for (const note of notes) progress.log(note);
  const results = await runPool(jobs, options.concurrency ?? 4, async (job) => {
    const result = await job.run(ctx);
    progress.tick(job.agentId);
    return result;
  });

  const byAgent = new Map<string, CaseResult[]>();
  for (const r of results) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  const agents: Record<string, AgentReport> = {};
  for (const [agentId, rs] of byAgent) agents[agentId] = await summariseAgent(rs, labelOrder[agentId] ?? []);

  const judgeCalibration = judge && calibration.length ? await runJudgeCalibration(calibration, judge, options.judge!.id, () => progress.tick('judge calibration')) : null;
  progress.done();

  return {
    version: 1,
    createdAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    model: options.model ?? 'env',
    judge: options.judge?.id ?? null,
    datasets: loaded.map((ds) => ({ file: ds.file, kind: ds.kind, cases: ds.cases.length, lineErrors: ds.errors })),
    agents,
    judgeCalibration,
    thresholdFailures: [],
  };
}

/** Map with at most `limit` calls in flight; results keep the input order. */
export async function runPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
