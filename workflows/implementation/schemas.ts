import { z } from 'zod';

/** The workflow's phases in execution order; `approval` is the optional human gate before implementing. */
export const phases = ['plan', 'review', 'refine', 'approval', 'implement'] as const;
export const phaseSchema = z.enum(phases);
export type Phase = z.infer<typeof phaseSchema>;

export function phaseIndex(phase: Phase): number {
  return phases.indexOf(phase);
}

/** Refinement stops once a review scores at least this (seed 003: refine while the score is below 80). */
export const DEFAULT_PASS_SCORE = 80;
export const DEFAULT_MAX_REFINEMENTS = 3;

/** Seed 003's workflow input, plus the approval gate switch and the refinement bound. */
export const implementationInputSchema = z.object({
  request: z.string().trim().min(1, 'expected a non-empty request').max(10_000),
  requirements: z
    .array(z.string().trim().min(1, 'expected a non-empty requirement').max(2_000))
    .max(100),
  constraints: z
    .array(z.string().trim().min(1, 'expected a non-empty constraint').max(2_000))
    .max(100)
    .optional(),
  /** Wait for a human to approve the reviewed plan before implementing it. */
  approval: z.boolean().optional(),
  /**
   * Who approves this run and who is told when nobody answers in time (default: APPROVAL_APPROVERS,
   * APPROVAL_ESCALATE_TO): comma lists of e-mail addresses, mentor ids or `oncall`.
   */
  approvers: z.string().trim().min(1, 'expected a comma list of recipients').max(1_000).optional(),
  escalateTo: z.string().trim().min(1, 'expected a comma list of recipients').max(1_000).optional(),
  /** Refine-and-review rounds allowed while the score stays below 80; the run fails past it. */
  maxRefinements: z.number().int().min(0).max(10).optional(),
});
export type ImplementationInput = z.infer<typeof implementationInputSchema>;

export const implementationMetricsSchema = z.object({
  /** Review score (0–100) of the plan that was implemented. */
  planScore: z.number(),
  /** Milliseconds the implementation phase took. */
  implementationTime: z.number(),
  /** Share (0–100) of the requirements that at least one generated test names. */
  testCoverage: z.number(),
});
export type ImplementationMetrics = z.infer<typeof implementationMetricsSchema>;

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

/** Run status as the API reports it (seed 003 uses `in_progress`). */
export const runStatuses = [
  'queued',
  'in_progress',
  'awaiting_approval',
  'completed',
  'failed',
  'rejected',
] as const;
export type RunStatus = (typeof runStatuses)[number];
export const terminalStatuses: readonly RunStatus[] = ['completed', 'failed', 'rejected'];
