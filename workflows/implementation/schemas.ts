import { z } from 'zod';
import { implementationMetricsSchema } from '../../src/domain/implementation-run.ts';

export {
  implementationInputSchema,
  implementationMetricsSchema,
  phaseIndex,
  phaseSchema,
  phases,
  runStatuses,
  terminalStatuses,
  type ImplementationInput,
  type ImplementationMetrics,
  type Phase,
  type RunStatus,
} from '../../src/domain/implementation-run.ts';

/** Refinement stops once a review scores at least this (seed 003: refine while the score is below 80). */
export const DEFAULT_PASS_SCORE = 80;
export const DEFAULT_MAX_REFINEMENTS = 3;

/** Seed 003's workflow output. */
export const implementationOutputSchema = z.object({
  implementation: z.string(),
  documentation: z.string(),
  tests: z.array(z.string()),
  metrics: implementationMetricsSchema,
});
export type ImplementationOutput = z.infer<typeof implementationOutputSchema>;

/** What flows between steps: ids of stored artifacts and scores, never the artifacts themselves. */
export const planRefSchema = z.object({
  runId: z.string(),
  planId: z.uuid(),
});
export const reviewedPlanSchema = planRefSchema.extend({
  reviewId: z.uuid(),
  score: z.number(),
  /** Refinement rounds done so far. */
  refinements: z.number().int().min(0),
});
export type ReviewedPlan = z.infer<typeof reviewedPlanSchema>;
export const approvedPlanSchema = reviewedPlanSchema.extend({
  /** The human's decision, or null when the run asked for no approval. */
  approved: z.boolean().nullable(),
});
export type ApprovedPlan = z.infer<typeof approvedPlanSchema>;

export const approvalAnswerSchema = z.object({
  approved: z.boolean({ error: 'expected true or false' }),
  comment: z.string().trim().max(2_000).optional(),
});
export type ApprovalAnswer = z.infer<typeof approvalAnswerSchema>;

export const approvalRequestSchema = z.object({
  runId: z.string(),
  planId: z.uuid(),
  reviewId: z.uuid(),
  score: z.number(),
});
