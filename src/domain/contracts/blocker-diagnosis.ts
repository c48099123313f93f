import { z } from 'zod';
import { activitySchema, agentContextSchema } from './learner.ts';

/** DIAGNOSE_BLOCKER's outcomes; each is also the story machine event that leaves the state. */
export const blockerCategorySchema = z.enum([
  'technicalError',
  'conceptualConfusion',
  'environmentIssue',
  'analysisParalysis',
  'unknownIssue',
]);
export type BlockerCategory = z.infer<typeof blockerCategorySchema>;

export const blockerDiagnosisInputSchema = agentContextSchema.extend({
  message: z.string().default(''),
  recentErrors: z.array(z.string()).default([]),
  activity: z.array(activitySchema).default([]),
  codeContext: z.string().default(''),
  minutesStuck: z.number().min(0).optional(),
});
export type BlockerDiagnosisInput = z.input<typeof blockerDiagnosisInputSchema>;

export const blockerDiagnosisSchema = z.object({
  category: blockerCategorySchema,
  confidence: z.number().min(0).max(1),
  /** Verbatim quotes from the input that support the category. */
  evidence: z.array(z.string()),
  summary: z.string(),
  nextStep: z.string(),
  /** Learner-facing message. */
  reply: z.string(),
});
export type BlockerDiagnosis = z.infer<typeof blockerDiagnosisSchema>;
