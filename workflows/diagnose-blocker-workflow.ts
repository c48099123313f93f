import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';
import {
  runAgentAction,
  type AgentUsage,
  type MentorActionFallback,
} from '../agents/mentor-actions.ts';
import {
  blockerDiagnosisInputSchema,
  blockerDiagnosisSchema,
} from '../src/domain/contracts/blocker-diagnosis.ts';
import { learnerProfileSchema, storySchema } from '../src/domain/contracts/learner.ts';
import { skipPendingSnapshot } from './implementation/snapshot-policy.ts';

/**
 * DIAGNOSE_BLOCKER as a nested workflow: ANALYZE_STATE → CATEGORIZE_ISSUE → PROVIDE_SOLUTION
 * (seed 001's substates). The output's `event` is the story-machine event that leaves the state
 * (technicalError, conceptualConfusion, environmentIssue, analysisParalysis, unknownIssue).
 */
const contextSchema = z.object({
  learner: learnerProfileSchema.partial().optional(),
  story: storySchema.optional(),
  referenceSolution: z.string().optional(),
  threadId: z.string().optional(),
  resourceId: z.string().optional(),
});

export const diagnoseBlockerInputSchema = z.object({
  blocker: blockerDiagnosisInputSchema.omit({ learner: true, story: true }),
  context: contextSchema.default({}),
  /**
   * `full` (default): diagnose and give the first help (an explanation or a hint). `diagnosis`: analyse and
   * categorise only — a mentoring session's own states (EXPLAIN_CONCEPT, FIX_TECHNICAL_ISSUE, …)
   * give the help.
   */
  help: z.enum(['full', 'diagnosis']).optional(),
});

/**
 * Request-context key for the agent call of CATEGORIZE_ISSUE: a function that replaces
 * `runAgentAction('diagnoseBlocker', …)`. A mentoring turn sets it to its agent port, so the call is
 * recorded with the turn (model, tokens, fallback) like every other agent call of the session.
 */
export const DIAGNOSIS_AGENT_KEY = 'mentorflow.diagnoseBlocker.agent';

export type DiagnosisAgent = (
  blocker: z.infer<typeof diagnoseBlockerInputSchema>['blocker'],
) => Promise<{
  output: z.infer<typeof blockerDiagnosisSchema>;
  reply?: string;
  usage: AgentUsage;
  model: string;
  fallback?: MentorActionFallback;
}>;

const signalsSchema = z.object({
  errorLines: z.array(z.string()),
  failedChecks: z.number().int(),
  researchActivities: z.number().int(),
  codingActivities: z.number().int(),
  hasMessage: z.boolean(),
});

const usageSchema = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  latencyMs: z.number(),
});
const fallbackSchema = z.object({
  from: z.string(),
  reason: z.string(),
  detail: z.string().optional(),
});

export const diagnoseBlockerOutputSchema = z.object({
  event: blockerDiagnosisSchema.shape.category,
  diagnosis: blockerDiagnosisSchema,
  signals: signalsSchema,
  /** What the learner reads: the diagnosis plus, where it helps, a concept explanation or a hint. */
  reply: z.string(),
  /** Usage summed over the agent calls of the three substates. */
  usage: usageSchema,
  models: z.array(z.string()),
  fallbacks: z.array(fallbackSchema),
});
export type DiagnoseBlockerOutput = z.infer<typeof diagnoseBlockerOutputSchema>;

const analyzeState = createStep({
  id: 'analyze-state',
  description:
    'ANALYZE_STATE: gather the signals (error lines, failed checks, research vs coding activity).',
  inputSchema: diagnoseBlockerInputSchema,
  outputSchema: diagnoseBlockerInputSchema.extend({ signals: signalsSchema }),
  execute: async ({ inputData }) => {
    const { blocker } = inputData;
    const errorLines = blocker.recentErrors
      .map(
        (e) =>
          e
            .split('\n')
            .find((l) => l.trim())
            ?.trim() ?? '',
      )
      .filter(Boolean);
    const research = blocker.activity.filter((a) =>
      /^(research|docs?|search|browse|read)/i.test(a.type),
    ).length;
    return {
      ...inputData,
      signals: {
        errorLines,
        failedChecks: blocker.activity.filter((a) => a.ok === false).length,
        researchActivities: research,
        codingActivities: blocker.activity.length - research,
        hasMessage: blocker.message.trim().length > 0,
      },
    };
  },
});

const categorizeIssue = createStep({
  id: 'categorize-issue',
  description:
    'CATEGORIZE_ISSUE: the blocker-diagnosis agent picks the category with quoted evidence.',
  inputSchema: diagnoseBlockerInputSchema.extend({ signals: signalsSchema }),
  outputSchema: diagnoseBlockerInputSchema.extend({
    signals: signalsSchema,
    diagnosis: blockerDiagnosisSchema,
    reply: z.string(),
    usage: usageSchema,
    models: z.array(z.string()),
    fallbacks: z.array(fallbackSchema),
  }),
  execute: async ({ inputData, mastra, requestContext }) => {
    const { context } = inputData;
    const agent = requestContext.get(DIAGNOSIS_AGENT_KEY) as DiagnosisAgent | undefined;
    const result = agent
      ? await agent(inputData.blocker)
      : await runAgentAction('diagnoseBlocker', inputData.blocker, { ...context, mastra });
    return {
      ...inputData,
      diagnosis: result.output,
      reply: result.reply ?? result.output.reply,
      usage: result.usage,
      models: [result.model],
      fallbacks: result.fallback ? [result.fallback] : [],
    };
  },
});

const provideSolution = createStep({
  id: 'provide-solution',
  description:
    'PROVIDE_SOLUTION: explain the concept for confusion, a first hint for technical and paralysis blockers.',
  inputSchema: categorizeIssue.outputSchema,
  outputSchema: diagnoseBlockerOutputSchema,
  execute: async ({ inputData, mastra }) => {
    const { diagnosis, context, blocker } = inputData;
    let reply = inputData.reply;
    let usage: AgentUsage = inputData.usage;
    const models = [...inputData.models];
    const fallbacks: Array<z.infer<typeof fallbackSchema>> = [...inputData.fallbacks];
    const add = (r: {
      reply?: string;
      usage: AgentUsage;
      model: string;
      fallback?: MentorActionFallback;
    }) => {
      if (r.reply) reply = `${reply}\n\n${r.reply}`;
      usage = {
        inputTokens: usage.inputTokens + r.usage.inputTokens,
        outputTokens: usage.outputTokens + r.usage.outputTokens,
        latencyMs: usage.latencyMs + r.usage.latencyMs,
      };
      models.push(r.model);
      if (r.fallback) fallbacks.push(r.fallback);
    };
    if (inputData.help === 'diagnosis') {
      // The session's next state gives the help.
    } else if (diagnosis.category === 'conceptualConfusion') {
      add(
        await runAgentAction(
          'explainConcept',
          { concept: blocker.message || diagnosis.summary, context: blocker.codeContext },
          { ...context, mastra },
        ),
      );
    } else if (
      diagnosis.category === 'technicalError' ||
      diagnosis.category === 'analysisParalysis'
    ) {
      add(
        await runAgentAction(
          'provideHint',
          {
            message: blocker.message,
            recentErrors: blocker.recentErrors,
            currentStep: diagnosis.nextStep,
          },
          { ...context, mastra },
        ),
      );
    }
    // Environment issues get the concrete next step of the diagnosis; unknown issues its questions.
    return {
      event: diagnosis.category,
      diagnosis,
      signals: inputData.signals,
      reply,
      usage,
      models,
      fallbacks,
    };
  },
});

export const diagnoseBlockerWorkflow = createWorkflow({
  id: 'diagnose-blocker',
  description:
    'DIAGNOSE_BLOCKER: analyse the state, categorise the blocker, provide the first help.',
  inputSchema: diagnoseBlockerInputSchema,
  outputSchema: diagnoseBlockerOutputSchema,
  // A start refused by input validation must leave no row behind (snapshot-policy.ts).
  options: { shouldPersistSnapshot: skipPendingSnapshot },
})
  .then(analyzeState)
  .then(categorizeIssue)
  .then(provideSolution)
  .commit();
