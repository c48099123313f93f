import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

/** VERIFY_FIX's outcomes (story machine events). */
export const fixVerdictSchema = z.enum(['fixConfirmed', 'partialFix', 'stillBroken']);
export type FixVerdict = z.infer<typeof fixVerdictSchema>;

export const fixVerificationInputSchema = agentContextSchema.extend({
  fixDescription: z.string().default(''),
  /** What the learner says happened after applying the fix. */
  learnerReport: z.string().default(''),
  checks: z
    .object({
      testsPassed: z.number().int().min(0).optional(),
      testsFailed: z.number().int().min(0).optional(),
      buildOk: z.boolean().optional(),
      lintErrors: z.number().int().min(0).optional(),
      typeErrors: z.number().int().min(0).optional(),
    })
    .default({}),
  errorsBefore: z.array(z.string()).default([]),
  errorsAfter: z.array(z.string()).default([]),
});
export type FixVerificationInput = z.input<typeof fixVerificationInputSchema>;

export const fixVerificationSchema = z.object({
  verdict: fixVerdictSchema,
  confidence: z.number().min(0).max(1),
  remainingIssues: z.array(z.string()),
  evidence: z.array(z.string()),
  reply: z.string(),
});
export type FixVerification = z.infer<typeof fixVerificationSchema>;
