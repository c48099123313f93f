import type { MentorActionName } from '../agents/actions.ts';
import type { Story } from '../src/domain/contracts/learner.ts';
import { evaluateEscalation } from '../src/sessions/escalation.ts';
import type { AgentAdapter, AgentRequest } from './agent-adapter.ts';
import { type CaseAnswer, type CaseTruth, callAgent } from './case-answer.ts';
import type { CaseResult } from './case-result.ts';
import {
  type CaseScorer,
  caseScorerIds as ids,
  completenessOf,
  labelOf,
  leakOf,
  lengthOf,
  readabilityOf,
  schemaValidityOf,
  scoreBandOf,
  toxicityOf,
  tutorJudgeOf,
} from './case-scorers.ts';
import type {
  BlockerCase,
  DatasetCaseMap,
  DatasetKind,
  HintCase,
  PlanCase,
  SafetyCase,
  UnderstandingCase,
} from './dataset-schemas.ts';
import { boundResult } from './scorers/bind-scorer.ts';
import type { LeakAnalysis } from './scorers/leak-detection.ts';
import type { TutorJudgeCase } from './scorers/tutor-judge-prompt.ts';

export interface SuiteContext {
  adapter: AgentAdapter;
  /** LLM judges of replies (`--judge`); absent offline. */
  judges?: { tutor: CaseScorer; toxicity: CaseScorer };
  now: Date;
}

/** runEvals' per-item scorer results, keyed by scorer id. */
export type CaseScores = Record<string, unknown>;

/**
 * How one dataset format is run through runEvals: which agent a case measures, what it expects
 * (the item's ground truth), how its workflow answers it, which scorers score it, and how the
 * answer and scores become the case's report line.
 */
export interface Suite<C> {
  agentOf(c: C): string;
  truth(c: C): CaseTruth;
  /** The workflow step: call the agent for the case. Never throws; a failed call is the answer's `error`. */
  answer(c: C, ctx: SuiteContext): Promise<CaseAnswer>;
  /** Scorers of the cases measuring `agentId`. */
  scorers(agentId: string, ctx: SuiteContext): CaseScorer[];
  result(c: C, answer: CaseAnswer, scores: CaseScores): CaseResult;
}

/** The fields every case has; a failed call counts as schema-invalid with no latency or tokens. */
function baseResult(
  caseId: string,
  dataset: string,
  agentId: string,
  expected: string | undefined,
  a: CaseAnswer,
  scores: CaseScores,
): CaseResult {
  const base = { caseId, dataset, agentId, ...(expected !== undefined ? { expected } : {}) };
  if (!a.answer)
    return {
      ...base,
      error: a.error ?? 'no answer',
      schemaValid: false,
      latencyMs: 0,
      inputTokens: 0,
      outputTokens: 0,
    };
  const { answer } = a;
  return {
    ...base,
    schemaValid: boundResult(scores, ids.schemaValidity)?.score === 1,
    latencyMs: answer.latencyMs,
    inputTokens: answer.usage.inputTokens,
    outputTokens: answer.usage.outputTokens,
    model: answer.model,
    fallback: answer.fallback,
  };
}

function withLabel(result: CaseResult, a: CaseAnswer, scores: CaseScores): CaseResult {
  if (a.label === undefined) return result;
  return { ...result, predicted: a.label, correct: boundResult(scores, ids.label)?.score === 1 };
}

function leakResult(scores: CaseScores): NonNullable<CaseResult['leak']> {
  const leak = boundResult(scores, ids.leak);
  return {
    leaked: leak?.score === 1,
    reasons: (leak?.analyzeStepResult as LeakAnalysis | undefined)?.reasons ?? [],
  };
}

/** Scores that exist only when their scorer ran (prebuilt completeness, toxicity with `--judge`). */
function optionalScore(
  scores: CaseScores,
  id: string,
  key: 'completeness' | 'toxicity',
): Partial<CaseResult> {
  const score = boundResult(scores, id)?.score;
  return score === undefined ? {} : { [key]: score };
}

/** Read the label field of a classifier's output. */
const labelIn = (a: CaseAnswer, field: string): CaseAnswer =>
  a.answer ? { ...a, label: String((a.answer.output as Record<string, unknown>)[field]) } : a;

/** Datasets give stories without ids; agents need one. */
function toStory(
  id: string,
  story: { title: string; description: string; acceptanceCriteria?: string[] },
): Story {
  return {
    id,
    title: story.title,
    description: story.description,
    acceptanceCriteria: story.acceptanceCriteria ?? [story.description],
    complexity: 'simple',
    concepts: [],
  };
}

/**
 * Datasets write activity as plain lines ("ran `npm test` (exit 1)"); the session layer sends typed
 * events. Map the leading verb to the event type and an exit code to `ok`, nothing more.
 */
export function toActivity(line: string): { type: string; summary: string; ok?: boolean } {
  const l = line.toLowerCase();
  const type = /^ran .*\b(test|jest|vitest|pytest|mocha)\b/.test(l)
    ? 'test'
    : /^ran .*\b(tsc|typecheck)\b/.test(l)
      ? 'typecheck'
      : /^ran\b/.test(l)
        ? 'run'
        : /^(edited|renamed|created|changed|replaced|deleted)\b/.test(l)
          ? 'edit'
          : /^opened\b/.test(l)
            ? 'docs'
            : /^git (commit|push)\b/.test(l)
              ? 'commit'
              : 'other';
  const exit = /\(exit (\d+)\)/.exec(l);
  return { type, summary: line, ...(exit ? { ok: exit[1] === '0' } : {}) };
}

const truncate = (s: string | undefined) => (s && s.length > 600 ? `${s.slice(0, 600)}…` : s);

export const blockerSuite: Suite<BlockerCase> = {
  agentOf: () => 'blocker-diagnosis',
  truth: (c) => ({ label: c.expected.category }),
  async answer(c, ctx) {
    const request: AgentRequest = {
      action: 'diagnoseBlocker',
      input: {
        message: c.input.message,
        recentErrors: c.input.errorOutput ? [c.input.errorOutput] : [],
        activity: (c.input.recentActivity ?? []).map(toActivity),
      },
    };
    return labelIn(await callAgent(ctx.adapter, request), 'category');
  },
  scorers: () => [schemaValidityOf('diagnoseBlocker'), labelOf],
  result(c, a, scores) {
    const result = baseResult(
      c.id,
      'blocker-diagnosis',
      'blocker-diagnosis',
      c.expected.category,
      a,
      scores,
    );
    return a.answer ? withLabel({ ...result, reply: truncate(a.answer.reply) }, a, scores) : result;
  },
};

export const understandingSuite: Suite<UnderstandingCase> = {
  agentOf: () => 'understanding-assessor',
  truth: (c) => ({ label: c.expected.level }),
  async answer(c, ctx) {
    const request: AgentRequest = {
      action: 'assessUnderstanding',
      input: { story: toStory(c.id, c.input.story), restatement: c.input.restatement },
    };
    return labelIn(await callAgent(ctx.adapter, request), 'verdict');
  },
  scorers: () => [schemaValidityOf('assessUnderstanding'), labelOf],
  result(c, a, scores) {
    const result = baseResult(
      c.id,
      'understanding-assessment',
      'understanding-assessor',
      c.expected.level,
      a,
      scores,
    );
    return a.answer ? withLabel({ ...result, reply: truncate(a.answer.reply) }, a, scores) : result;
  },
};

export const planSuite: Suite<PlanCase> = {
  agentOf: () => 'plan-reviewer',
  truth: (c) => ({ label: c.expected.verdict, band: c.expected.scoreBand }),
  async answer(c, ctx) {
    const request: AgentRequest = {
      action: 'reviewPlan',
      input: { story: toStory(c.id, c.input.story), plan: c.input.plan },
    };
    const a = labelIn(await callAgent(ctx.adapter, request), 'verdict');
    return a.answer ? { ...a, score: Number((a.answer.output as { score?: unknown }).score) } : a;
  },
  scorers: () => [schemaValidityOf('reviewPlan'), labelOf, scoreBandOf],
  result(c, a, scores) {
    const result = baseResult(c.id, 'plan-review', 'plan-reviewer', c.expected.verdict, a, scores);
    if (!a.answer) return { ...result, band: c.expected.scoreBand, bandHit: false };
    const bandHit = boundResult(scores, ids.band)?.score === 1;
    return withLabel(
      {
        ...result,
        score: a.score,
        band: c.expected.scoreBand,
        bandHit,
        reply: truncate(a.answer.reply),
      },
      a,
      scores,
    );
  },
};

const hintAgent = (c: HintCase) => (c.kind === 'hint' ? 'hint-giver' : 'concept-explainer');
const hintActions: Record<string, MentorActionName> = {
  'hint-giver': 'provideHint',
  'concept-explainer': 'explainConcept',
};
const judgeCaseOf = (c: HintCase): TutorJudgeCase => ({
  story: c.input.story,
  learner: c.input.learner,
  referenceSolution: c.referenceSolution,
  rubric: c.expected.rubric,
});

export const hintSuite: Suite<HintCase> = {
  agentOf: hintAgent,
  truth: (c) => ({
    leak: {
      referenceSolution: c.referenceSolution,
      known: [
        c.input.learner.message,
        c.input.learner.code ?? '',
        c.input.learner.errorOutput ?? '',
      ].join('\n'),
      mustNotReveal: c.expected.rubric.mustNotReveal,
    },
    lengthWords: c.expected.lengthWords,
  }),
  answer(c, ctx) {
    const { learner } = c.input;
    const story = toStory(c.id, c.input.story);
    const context = [
      learner.code && `My code:\n${learner.code}`,
      learner.errorOutput && `Output:\n${learner.errorOutput}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const request: AgentRequest =
      c.kind === 'hint'
        ? {
            action: 'provideHint',
            input: {
              message: [learner.message, context].filter(Boolean).join('\n\n'),
              recentErrors: learner.errorOutput ? [learner.errorOutput] : [],
              hintsGiven: 0,
            },
            story,
            referenceSolution: c.referenceSolution,
          }
        : {
            action: 'explainConcept',
            input: { concept: learner.message, context },
            story,
            referenceSolution: c.referenceSolution,
          };
    return callAgent(ctx.adapter, request);
  },
  scorers(agentId, ctx) {
    const messageOf = (c: HintCase) => c.input.learner.message;
    return [
      schemaValidityOf(hintActions[agentId]!),
      leakOf,
      lengthOf,
      readabilityOf,
      completenessOf(messageOf),
      ...(ctx.judges
        ? [tutorJudgeOf(ctx.judges.tutor, judgeCaseOf), toxicityOf(ctx.judges.toxicity, messageOf)]
        : []),
    ];
  },
  result(c, a, scores) {
    const result = baseResult(c.id, 'hints', hintAgent(c), undefined, a, scores);
    if (!a.answer) return { ...result, leak: { leaked: false, reasons: [] } };
    const length = boundResult(scores, ids.length);
    const judged = boundResult(scores, ids.judge);
    const ratings = (
      judged?.analyzeStepResult as { ratings: Record<string, { score: number }> } | undefined
    )?.ratings;
    return {
      ...result,
      leak: leakResult(scores),
      words: (length?.analyzeStepResult as { words?: number } | undefined)?.words,
      lengthScore: length?.score ?? 0,
      readability: boundResult(scores, ids.readability)?.score ?? 0,
      ...optionalScore(scores, ids.completeness, 'completeness'),
      ...(judged && ratings
        ? {
            judge: {
              score: judged.score,
              ratings: Object.fromEntries(Object.entries(ratings).map(([d, r]) => [d, r.score])),
            },
          }
        : {}),
      ...optionalScore(scores, ids.toxicity, 'toxicity'),
      reply: truncate(a.reply),
    };
  },
};

/**
 * Safety cases measure two things a session does with a hostile or distressed message: the
 * escalation triggers (seed 001: "junior expresses frustration") and the hint-giver's reply, which
 * must not leak the reference solution whatever the message says.
 */
export const safetySuite: Suite<SafetyCase> = {
  agentOf: () => 'safety',
  truth: (c) => ({
    label: c.expected.escalate ? 'escalate' : 'continue',
    leak: { referenceSolution: c.input.referenceSolution, known: c.input.message },
  }),
  async answer(c, ctx) {
    const decision = evaluateEscalation(
      [{ type: 'learner-message', at: ctx.now.toISOString(), data: { text: c.input.message } }],
      { now: ctx.now },
    );
    const request: AgentRequest = {
      action: 'provideHint',
      input: { message: c.input.message, hintsGiven: 0 },
      story: toStory(c.id, c.input.story),
      referenceSolution: c.input.referenceSolution,
    };
    return {
      ...(await callAgent(ctx.adapter, request)),
      label: decision.escalate ? 'escalate' : 'continue',
    };
  },
  scorers: (_agentId, ctx) => [
    schemaValidityOf('provideHint'),
    labelOf,
    leakOf,
    ...(ctx.judges ? [toxicityOf(ctx.judges.toxicity, (c: SafetyCase) => c.input.message)] : []),
  ],
  result(c, a, scores) {
    const labelled = withLabel(
      baseResult(
        c.id,
        'safety',
        'safety',
        c.expected.escalate ? 'escalate' : 'continue',
        a,
        scores,
      ),
      a,
      scores,
    );
    if (!a.answer) return { ...labelled, leak: { leaked: false, reasons: [] } };
    return {
      ...labelled,
      leak: leakResult(scores),
      ...optionalScore(scores, ids.toxicity, 'toxicity'),
      reply: truncate(a.answer.reply),
    };
  },
};

/** The suite of every dataset format that runs agents (judge calibration runs only the judge). */
export const suites: {
  [K in Exclude<DatasetKind, 'judge-calibration'>]: Suite<DatasetCaseMap[K]>;
} = {
  'blocker-diagnosis': blockerSuite,
  'understanding-assessment': understandingSuite,
  'plan-review': planSuite,
  hints: hintSuite,
  safety: safetySuite,
};
