import { runEvals } from '@mastra/core/evals';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { z } from 'zod';
import { AppError } from '../src/errors/app-error.ts';
import type { AgentAdapter } from './agent-adapter.ts';
import { runJudgeCalibration } from './calibration.ts';
import { caseAnswerOf } from './case-answer.ts';
import type { CaseResult } from './case-result.ts';
import { caseWorkflow } from './case-workflow.ts';
import { type Dataset, loadDataset } from './dataset.ts';
import {
  blockerCategories,
  type CalibrationCase,
  datasetSchemas,
  type DatasetKind,
  planVerdicts,
  understandingLevels,
} from './dataset-schemas.ts';
import { type Progress, silentProgress } from './progress.ts';
import { type AgentReport, type EvalReport, summariseAgent } from './report.ts';
import { createReplyToxicityScorer } from './scorers/prebuilt.ts';
import { createTutorRubricJudge } from './scorers/tutor-rubric-judge.ts';
import { type Suite, type SuiteContext, suites } from './suites.ts';

export interface RunOptions {
  /** Dataset files (JSONL); their format is detected from the name or the first line. */
  datasets: string[];
  adapter: AgentAdapter;
  /** Only cases measuring these agent ids (`blocker-diagnosis`, `hint-giver`, `safety`…). */
  agents?: string[];
  /** LLM judge: tutor rubric and @mastra/evals toxicity of replies, and the calibration set. */
  judge?: { id: string; model: MastraModelConfig };
  /** Label for the report's `model` field. */
  model?: string;
  /** runEvals' concurrency: cases in flight (rules mode is CPU-bound, so 1–4 is plenty). */
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

/** The cases of one dataset that measure one agent: one runEvals call. */
interface Group {
  kind: Exclude<DatasetKind, 'judge-calibration'>;
  agentId: string;
  cases: unknown[];
}

/**
 * Run datasets against the agents and aggregate per agent. Malformed dataset lines are reported in
 * `datasets[].lineErrors` and skipped; a failing agent call is recorded on its case and the run goes
 * on. The cases of each dataset and agent go through Mastra's `runEvals` (target: a one-step case
 * workflow calling the agent; scorers: the code scorers of `scorers/` bound to the case, plus the
 * `@mastra/evals` prebuilt ones), and each case's scores come back through its per-item callback.
 * Thresholds are checked by the caller (`evals/run.ts`).
 */
export async function runEval(options: RunOptions): Promise<EvalReport> {
  const started = performance.now();
  const notes: string[] = [];
  const loaded: Dataset[] = [];
  for (const file of options.datasets) loaded.push(await loadDataset(file));

  const judges = options.judge
    ? {
        tutor: createTutorRubricJudge({ model: options.judge.model }),
        toxicity: createReplyToxicityScorer(options.judge.model),
      }
    : undefined;
  const ctx: SuiteContext = {
    adapter: options.adapter,
    ...(judges ? { judges } : {}),
    now: options.now ?? new Date(),
  };
  const concurrency = options.concurrency ?? 4;

  const groups: Group[] = [];
  const calibration: CalibrationCase[] = [];
  const seenAgents = new Set<string>();
  for (const ds of loaded) {
    for (const e of ds.errors) notes.push(`${ds.file}:${e.line}: ${e.message} (line skipped)`);
    if (ds.kind === 'judge-calibration') {
      if (judges) calibration.push(...(ds.cases as CalibrationCase[]));
      else notes.push(`${ds.file}: judge calibration needs --judge; skipped`);
      continue;
    }
    const kind = ds.kind;
    const suite = suites[kind] as Suite<unknown>;
    const byAgent = new Map<string, Group>();
    for (const c of ds.cases) {
      const agentId = suite.agentOf(c);
      seenAgents.add(agentId);
      if (options.agents?.length && !options.agents.includes(agentId)) continue;
      let group = byAgent.get(agentId);
      if (!group) {
        group = { kind, agentId, cases: [] };
        byAgent.set(agentId, group);
        groups.push(group);
      }
      group.cases.push(c);
    }
  }
  if (options.agents?.length) {
    const unknown = options.agents.filter((a) => !seenAgents.has(a));
    if (unknown.length) {
      throw new AppError(
        'VALIDATION_ERROR',
        `no cases for agent ${unknown.join(', ')} in these datasets (agents here: ${[...seenAgents].join(', ') || 'none'})`,
        { field: 'agent' },
      );
    }
  }

  const progress =
    options.progress?.(groups.reduce((n, g) => n + g.cases.length, 0) + calibration.length) ??
    silentProgress;
  for (const note of notes) progress.log(note);
  const results: CaseResult[] = [];
  for (const group of groups) results.push(...(await runGroup(group, ctx, concurrency, progress)));

  const byAgent = new Map<string, CaseResult[]>();
  for (const r of results) byAgent.set(r.agentId, [...(byAgent.get(r.agentId) ?? []), r]);
  const agents: Record<string, AgentReport> = {};
  for (const [agentId, rs] of byAgent)
    agents[agentId] = await summariseAgent(rs, labelOrder[agentId] ?? []);

  const judgeCalibration =
    judges && calibration.length
      ? await runJudgeCalibration(calibration, judges.tutor, options.judge!.id, {
          concurrency,
          onCase: () => progress.tick('judge calibration'),
        })
      : null;
  progress.done();

  return {
    version: 1,
    createdAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    model: options.model ?? 'env',
    judge: options.judge?.id ?? null,
    datasets: loaded.map((ds) => ({
      file: ds.file,
      kind: ds.kind,
      cases: ds.cases.length,
      lineErrors: ds.errors,
    })),
    agents,
    judgeCalibration,
    thresholdFailures: [],
  };
}

/**
 * One runEvals call over a group's cases. Cases finish in any order at `concurrency` > 1; results are
 * put back in dataset order so the report (failures list, per-class figures) does not depend on timing.
 */
async function runGroup(
  group: Group,
  ctx: SuiteContext,
  concurrency: number,
  progress: Progress,
): Promise<CaseResult[]> {
  const suite = suites[group.kind] as Suite<unknown>;
  const data = group.cases.map((c) => ({ input: c, groundTruth: suite.truth(c) }));
  const position = new Map<object, number>(data.map((item, i) => [item, i]));
  const results = new Array<CaseResult>(data.length);
  await runEvals({
    target: caseWorkflow(
      `eval-${group.kind}-${group.agentId}`,
      datasetSchemas[group.kind] as z.ZodType<unknown>,
      (c) => suite.answer(c, ctx),
    ),
    data,
    scorers: suite.scorers(group.agentId, ctx),
    concurrency,
    onItemComplete: ({ item, targetResult, scorerResults }) => {
      results[position.get(item)!] = suite.result(
        item.input,
        caseAnswerOf(targetResult),
        scorerResults,
      );
      progress.tick(group.agentId);
    },
  });
  return results;
}
