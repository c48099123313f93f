import { readActivity } from './activity.ts';
import { diagnoseBlocker } from './blocker-diagnosis.ts';
import { explainConcept } from './concept.ts';
import { verifyFix } from './fix-verification.ts';
import { giveHint } from './hint.ts';
import { reviewPlan } from './plan-review.ts';
import { implementPlan, makePlan, refinePlan } from './planning.ts';
import { coachProgress } from './progress.ts';
import { coachReview } from './review.ts';
import { assessUnderstanding } from './understanding.ts';

/**
 * A rules-mode agent: reads the structured input (undefined for free chat) and the user's message,
 * returns the agent's output object. Learner-facing outputs carry a `reply`.
 */
export type RulesHandler = (input: Record<string, unknown> | undefined, message: string) => object;

/** Rules handlers by agent id: the model id `rules/<agent-id>` picks one. */
export const rulesHandlers: Record<string, RulesHandler> = {
  'blocker-diagnosis': diagnoseBlocker,
  'concept-explainer': explainConcept,
  'understanding-assessor': assessUnderstanding,
  'plan-reviewer': reviewPlan,
  planner: makePlan,
  'plan-refiner': refinePlan,
  implementer: implementPlan,
  'hint-giver': giveHint,
  'fix-verifier': verifyFix,
  'review-coach': coachReview,
  'progress-coach': coachProgress,
  'activity-reader': readActivity,
};
