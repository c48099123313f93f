import type { z } from 'zod';
import type { AgentKey } from './index.ts';
import {
  activityReadingInputSchema,
  activityReportsSchema,
} from '../src/domain/contracts/activity-report.ts';
import {
  blockerDiagnosisInputSchema,
  blockerDiagnosisSchema,
} from '../src/domain/contracts/blocker-diagnosis.ts';
import {
  conceptExplanationInputSchema,
  conceptExplanationSchema,
} from '../src/domain/contracts/concept-explanation.ts';
import {
  fixVerificationInputSchema,
  fixVerificationSchema,
} from '../src/domain/contracts/fix-verification.ts';
import { hintInputSchema, hintSchema } from '../src/domain/contracts/hint.ts';
import {
  implementationInputSchema,
  implementationSchema,
} from '../src/domain/contracts/implementation.ts';
import {
  planRefinementInputSchema,
  planRequestSchema,
  planSchema,
  refinedPlanSchema,
} from '../src/domain/contracts/plan.ts';
import { planReviewInputSchema, planReviewSchema } from '../src/domain/contracts/plan-review.ts';
import {
  progressCoachingInputSchema,
  progressCoachingSchema,
} from '../src/domain/contracts/progress-coaching.ts';
import {
  reviewCoachingInputSchema,
  reviewCoachingSchema,
} from '../src/domain/contracts/review-coaching.ts';
import {
  understandingAssessmentInputSchema,
  understandingAssessmentSchema,
} from '../src/domain/contracts/understanding-assessment.ts';

/**
 * The actions the sessions layer and workflows can ask for, declared once: which agent runs, the
 * input and output schemas, the task line of the prompt, whether the reply goes to the learner, and
 * which story-machine event the output stands for.
 */
export interface ActionSpec<
  I extends z.ZodObject = z.ZodObject,
  O extends z.ZodObject = z.ZodObject,
> {
  agent: AgentKey;
  input: I;
  output: O;
  task: string;
  learnerFacing: boolean;
  /** Counts as a help request in the learner profile. */
  helpRequest: boolean;
  /** The machine event the output stands for, if any. */
  event?: (output: z.infer<O>) => string;
  /** Short topic for the profile's recent help topics. */
  topic?: (output: z.infer<O>) => string;
}

function spec<I extends z.ZodObject, O extends z.ZodObject>(s: ActionSpec<I, O>): ActionSpec<I, O> {
  return s;
}

export const actionSpecs = {
  diagnoseBlocker: spec({
    agent: 'blockerDiagnosisAgent',
    input: blockerDiagnosisInputSchema,
    output: blockerDiagnosisSchema,
    task: 'Diagnose why the learner is stuck.',
    learnerFacing: true,
    helpRequest: true,
    event: (o) => o.category,
    topic: (o) => o.category,
  }),
  explainConcept: spec({
    agent: 'conceptExplainerAgent',
    input: conceptExplanationInputSchema,
    output: conceptExplanationSchema,
    task: 'Explain this concept to the learner.',
    learnerFacing: true,
    helpRequest: true,
    topic: (o) => `concept:${o.concept}`,
  }),
  provideHint: spec({
    agent: 'hintGiverAgent',
    input: hintInputSchema,
    output: hintSchema,
    task: 'Give the learner one Socratic hint.',
    learnerFacing: true,
    helpRequest: true,
    topic: (o) => (o.concept ? `hint:${o.concept}` : 'hint'),
  }),
  assessUnderstanding: spec({
    agent: 'understandingAssessorAgent',
    input: understandingAssessmentInputSchema,
    output: understandingAssessmentSchema,
    task: "Assess the learner's understanding of the story from their restatement.",
    learnerFacing: true,
    helpRequest: false,
    event: (o) => o.verdict,
  }),
  reviewPlan: spec({
    agent: 'planReviewerAgent',
    input: planReviewInputSchema,
    output: planReviewSchema,
    task: "Review the learner's implementation plan.",
    learnerFacing: true,
    helpRequest: false,
    event: (o) => o.verdict,
  }),
  verifyFix: spec({
    agent: 'fixVerifierAgent',
    input: fixVerificationInputSchema,
    output: fixVerificationSchema,
    task: 'Verify whether the fix worked.',
    learnerFacing: true,
    helpRequest: false,
    event: (o) => o.verdict,
  }),
  coachReview: spec({
    agent: 'reviewCoachAgent',
    input: reviewCoachingInputSchema,
    output: reviewCoachingSchema,
    task: 'Explain this code review feedback to the learner.',
    learnerFacing: true,
    helpRequest: false,
    event: (o) => o.outcome,
  }),
  coachProgress: spec({
    agent: 'progressCoachAgent',
    input: progressCoachingInputSchema,
    output: progressCoachingSchema,
    task: "Coach the learner's progress.",
    learnerFacing: true,
    helpRequest: false,
    event: (o) => o.assessment,
  }),
  readActivity: spec({
    agent: 'activityReaderAgent',
    input: activityReadingInputSchema,
    output: activityReportsSchema,
    task: "Read the learner's message for what it reports about their work.",
    learnerFacing: false,
    helpRequest: false,
  }),
  createPlan: spec({
    agent: 'plannerAgent',
    input: planRequestSchema,
    output: planSchema,
    task: 'Create an implementation plan.',
    learnerFacing: false,
    helpRequest: false,
  }),
  refinePlan: spec({
    agent: 'planRefinerAgent',
    input: planRefinementInputSchema,
    output: refinedPlanSchema,
    task: 'Refine the plan using its review.',
    learnerFacing: false,
    helpRequest: false,
  }),
  implementPlan: spec({
    agent: 'implementerAgent',
    input: implementationInputSchema,
    output: implementationSchema,
    task: 'Implement the approved plan.',
    learnerFacing: false,
    helpRequest: false,
  }),
};

export type MentorActionName = keyof typeof actionSpecs;

/** Action names whose reply goes to the learner (the sessions layer's set). */
export const learnerActionNames = (Object.keys(actionSpecs) as MentorActionName[]).filter(
  (n) => actionSpecs[n].learnerFacing,
);

/** Input of an action without the fields the context supplies (`learner`, `story`). */
export type MentorActionInput<N extends MentorActionName> = Omit<
  z.input<(typeof actionSpecs)[N]['input']>,
  'learner' | 'story'
> &
  Partial<Pick<z.input<(typeof actionSpecs)[N]['input']>, 'learner' | 'story'>>;

export type MentorActionOutput<N extends MentorActionName> = z.infer<
  (typeof actionSpecs)[N]['output']
>;
