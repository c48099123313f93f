import { actionSpecs, type MentorActionName } from '../agents/actions.ts';
import type { Story } from '../agents/schemas/learner.ts';
import { evaluateEscalation } from '../src/sessions/escalation.ts';
import type { AgentAdapter, AgentAnswer, AgentRequest } from './agent-adapter.ts';
import type { CaseResult } from './case-result.ts';
import type { BlockerCase, DatasetCaseMap, DatasetKind, HintCase, PlanCase, SafetyCase, UnderstandingCase } from './dataset-schemas.ts';
import { createSchemaValidityScorer } from './scorers/schema-validity.ts';
import { hintLengthScorer } from './scorers/hint-length.ts';
import { labelAccuracyScorer } from './scorers/label-accuracy.ts';
import { leakDetectionScorer, type LeakGroundTruth } from './scorers/leak-detection.ts';
import { readabilityScorer } from './scorers/readability.ts';
import { scoreBandScorer } from './scorers/score-band.ts';
import type { createTutorRubricJudge } from './scorers/tutor-rubric-judge.ts';

export interface SuiteContext {
  adapter: AgentAdapter;
  /** LLM judge for hint/explanation replies; absent offline. */
  judge?: ReturnType<typeof createTutorRubricJudge>;
  now: Date;
}

/** How one dataset format is run: which agent a case measures, and how it is called and scored. */
export interface Suite<C> {
  agentOf(c: C): string;
  run(c: C, ctx: SuiteContext): Promise<CaseResult>;
}

const schemaScorers = new Map<MentorActionName, ReturnType<typeof createSchemaValidityScorer>>();
function schemaScorer(action: MentorActionName) {
  let scorer = schemaScorers.get(action);
  if (!scorer) {
    scorer = createSchemaValidityScorer({ id: `schema-validity-${action}`, schema: actionSpecs[action].output, schemaName: `${action} output schema` });
    schemaScorers.set(action, scorer);
  }
  return scorer;
}

/** Score with a Mastra scorer and return its score (0 when a step declared the run not scorable). */
async function scoreWith(scorer: { run: (run: { input?: unknown; output: never; groundTruth?: unknown }) => Promise<{ score?: number }> }, output: unknown, groundTruth?: unknown, input?: unknown): Promise<number> {
  const result = await scorer.run({ input, output: output as never, groundTruth });
  return result.score ?? 0;
}

/** Call the agent; a failure becomes an error result instead of stopping the run. */
async function call(
  ctx: SuiteContext,
  request: AgentRequest,
  base: Pick<CaseResult, 'caseId' | 'dataset' | 'agentId' | 'expected'>,
): Promise<{ answer: AgentAnswer; result: CaseResult } | { answer?: undefined; result: CaseResult }> {
  try {
    const answer = await ctx.adapter(request);
    const schemaValid = (await scoreWith(schemaScorer(request.action), answer.output)) === 1;
    return {
      answer,
      result: { ...base, schemaValid, latencyMs: answer.latencyMs, inputTokens: answer.usage.inputTokens, outputTokens: answer.usage.outputTokens, model: answer.model, fallback: answer.fallback },
    };
  } catch (error) {
    return { result: { ...base, error: (error as Error).message ?? String(error), schemaValid: false, latencyMs: 0, inputTokens: 0, outputTokens: 0 } };
  }
}

async function withLabel(result: CaseResult, predicted: string): Promise<CaseResult> {
  const correct = (await scoreWith(labelAccuracyScorer, predicted, result.expected)) === 1;
  return { ...result, predicted, correct };
}

/** Datasets give stories without ids; agents need one. */
function toStory(id: string, story: { title: string; description: string; acceptanceCriteria?: string[] }): Story {
  return { id, title: story.title, description: story.description, acceptanceCriteria: story.acceptanceCriteria ?? [story.description], complexity: 'simple', concepts: [] };
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

/** All learner-facing strings of an output (what the leak check reads). */
function learnerText(answer: AgentAnswer): string {
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(answer.output);
  if (answer.reply && !strings.includes(answer.reply)) strings.push(answer.reply);
  return strings.join('\n\n');
}

async function leakOf(answer: AgentAnswer, truth: LeakGroundTruth): Promise<CaseResult['leak']> {
  const result = await leakDetectionScorer.run({ output: learnerText(answer), groundTruth: truth });
  return { leaked: result.score === 1, reasons: result.analyzeStepResult?.reasons ?? [] };
}

const truncate = (s: string | undefined) => (s && s.length > 600 ? `${s.slice(0, 600)}…` : s);

export const blockerSuite: Suite<BlockerCase> = {
  agentOf: () => 'blocker-diagnosis',
  async run(c, ctx) {
    const request: AgentRequest = {
      action: 'diagnoseBlocker',
      input: { message: c.input.message, recentErrors: c.input.errorOutput ? [c.input.errorOutput] : [], activity: (c.input.recentActivity ?? []).map(toActivity) },
    };
    const { answer, result } = await call(ctx, request, { caseId: c.id, dataset: 'blocker-diagnosis', agentId: 'blocker-diagnosis', expected: c.expected.category });
    if (!answer) return result;
    return withLabel({ ...result, reply: truncate(answer.reply) }, String((answer.output as { category?: unknown }).category));
  },
};

export const understandingSuite: Suite<UnderstandingCase> = {
  agentOf: () => 'understanding-assessor',
  async run(c, ctx) {
    const request: AgentRequest = { action: 'assessUnderstanding', input: { story: toStory(c.id, c.input.story), restatement: c.input.restatement } };
    const { answer, result } = await call(ctx, request, { caseId: c.id, dataset: 'understanding-assessment', agentId: 'understanding-assessor', expected: c.expected.level });
    if (!answer) return result;
    return withLabel({ ...result, reply: truncate(answer.reply) }, String((answer.output as { verdict?: unknown }).verdict));
  },
};

export const planSuite: Suite<PlanCase> = {
  agentOf: () => 'plan-reviewer',
  async run(c, ctx) {
    const request: AgentRequest = { action: 'reviewPlan', input: { story: toStory(c.id, c.input.story), plan: c.input.plan } };
    const { answer, result } = await call(ctx, request, { caseId: c.id, dataset: 'plan-review', agentId: 'plan-reviewer', expected: c.expected.verdict });
    if (!answer) return { ...result, band: c.expected.scoreBand, bandHit: false };
    const score = Number((answer.output as { score?: unknown }).score);
    const bandHit = (await scoreWith(scoreBandScorer, score, c.expected.scoreBand)) === 1;
    return withLabel({ ...result, score, band: c.expected.scoreBand, bandHit, reply: truncate(answer.reply) }, String((answer.output as { verdict?: unknown }).verdict));
  },
};

const hintAgent = (c: HintCase) => (c.kind === 'hint' ? 'hint-giver' : 'concept-explainer');

export const hintSuite: Suite<HintCase> = {
  agentOf: hintAgent,
  async run(c, ctx) {
    const { learner } = c.input;
    const story = toStory(c.id, c.input.story);
    const context = [learner.code && `My code:\n${learner.code}`, learner.errorOutput && `Output:\n${learner.errorOutput}`].filter(Boolean).join('\n\n');
    const request: AgentRequest =
      c.kind === 'hint'
        ? { action: 'provideHint', input: { message: [learner.message, context].filter(Boolean).join('\n\n'), recentErrors: learner.errorOutput ? [learner.errorOutput] : [], hintsGiven: 0 }, story, referenceSolution: c.referenceSolution }
        : { action: 'explainConcept', input: { concept: learner.message, context }, story, referenceSolution: c.referenceSolution };
    const agentId = hintAgent(c);
    const { answer, result } = await call(ctx, request, { caseId: c.id, dataset: 'hints', agentId });
    if (!answer) return { ...result, leak: { leaked: false, reasons: [] } };
    const reply = answer.reply ?? learnerText(answer);
    const known = [learner.message, learner.code ?? '', learner.errorOutput ?? ''].join('\n');
    const leak = await leakOf(answer, { referenceSolution: c.referenceSolution, known, mustNotReveal: c.expected.rubric.mustNotReveal });
    const length = await hintLengthScorer.run({ output: reply, groundTruth: c.expected.lengthWords });
    const readability = await scoreWith(readabilityScorer, reply);
    let judge: CaseResult['judge'];
    if (ctx.judge) {
      const judged = await ctx.judge.run({ input: { story: c.input.story, learner, referenceSolution: c.referenceSolution, rubric: c.expected.rubric }, output: reply });
      const ratings = (judged.analyzeStepResult as { ratings: Record<string, { score: number }> }).ratings;
      judge = { score: judged.score ?? 0, ratings: Object.fromEntries(Object.entries(ratings).map(([d, r]) => [d, r.score])) };
    }
    return {
      ...result,
      leak,
      words: length.analyzeStepResult?.words,
      lengthScore: length.score ?? 0,
      readability,
      ...(judge ? { judge } : {}),
      reply: truncate(reply),
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
  async run(c, ctx) {
    const decision = evaluateEscalation([{ type: 'learner-message', at: ctx.now.toISOString(), data: { text: c.input.message } }], { now: ctx.now });
    const expected = c.expected.escalate ? 'escalate' : 'continue';
    const request: AgentRequest = { action: 'provideHint', input: { message: c.input.message, hintsGiven: 0 }, story: toStory(c.id, c.input.story), referenceSolution: c.input.referenceSolution };
    const { answer, result } = await call(ctx, request, { caseId: c.id, dataset: 'safety', agentId: 'safety', expected });
    const labelled = await withLabel(result, decision.escalate ? 'escalate' : 'continue');
    if (!answer) return { ...labelled, leak: { leaked: false, reasons: [] } };
    const leak = await leakOf(answer, { referenceSolution: c.input.referenceSolution, known: c.input.message });
    return { ...labelled, leak, reply: truncate(answer.reply) };
  },
};

/** The suite of every dataset format that runs agents (judge calibration runs only the judge). */
export const suites: { [K in Exclude<DatasetKind, 'judge-calibration'>]: Suite<DatasetCaseMap[K]> } = {
  'blocker-diagnosis': blockerSuite,
  'understanding-assessment': understandingSuite,
  'plan-review': planSuite,
  hints: hintSuite,
  safety: safetySuite,
};
