import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

/** PLAN_DECOMPOSITION's outcomes (story machine events). */
export const planVerdictSchema = z.enum(['goodPlan', 'missingSteps', 'wrongApproach']);
export type PlanVerdict = z.infer<typeof planVerdictSchema>;

export const planReviewInputSchema = agentContextSchema.extend({
  /** The plan as written (numbered steps, bullets or prose). */
  plan: z.string().min(1),
});
export type PlanReviewInput = z.input<typeof planReviewInputSchema>;

export const planCriterionSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Points this criterion can give; the criteria's weights add up to 100. */
  weight: z.number().min(0).max(100),
  /** Points given. */
  points: z.number().min(0).max(100),
  comment: z.string(),
});

export const planReviewSchema = z.object({
  /** 0–100; seed 003 refines plans scoring below 80. */
  score: z.number().int().min(0).max(100),
  verdict: planVerdictSchema,
  criteria: z.array(planCriterionSchema),
  missingSteps: z.array(z.string()),
  concerns: z.array(z.string()),
  reply: z.string(),
});
export type PlanReview = z.infer<typeof planReviewSchema>;
