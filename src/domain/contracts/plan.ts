import { z } from 'zod';
import { agentContextSchema } from './learner.ts';
import { planReviewSchema } from './plan-review.ts';

/** Seed 003's workflow input: a request with requirements and constraints. */
export const planRequestSchema = agentContextSchema.extend({
  request: z.string().min(1),
  requirements: z.array(z.string()).default([]),
  constraints: z.array(z.string()).default([]),
});
export type PlanRequest = z.input<typeof planRequestSchema>;

export const planStepSchema = z.object({
  title: z.string(),
  detail: z.string(),
  /** How to tell the step is done. */
  verification: z.string(),
});

export const planSchema = z.object({
  summary: z.string(),
  steps: z.array(planStepSchema).min(1),
  risks: z.array(z.string()),
  successMetrics: z.array(z.string()),
});
export type Plan = z.infer<typeof planSchema>;

export const planRefinementInputSchema = planRequestSchema.extend({
  plan: planSchema,
  review: planReviewSchema,
});
export type PlanRefinementInput = z.input<typeof planRefinementInputSchema>;

export const refinedPlanSchema = planSchema.extend({
  /** What changed compared with the reviewed plan, one line each. */
  changes: z.array(z.string()),
});
export type RefinedPlan = z.infer<typeof refinedPlanSchema>;

/** Render a plan as numbered text (what plan-reviewer reads). */
export function planToText(plan: Plan): string {
  return [
    plan.summary,
    ...plan.steps.map((s, i) => `${i + 1}. ${s.title}: ${s.detail} (done when: ${s.verification})`),
  ].join('\n');
}
