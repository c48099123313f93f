import { z } from 'zod';
import { agentContextSchema, storySchema } from './learner.ts';

/** ASSESS_JUNIOR_CAPABILITY's outcomes (story machine events). */
export const understandingVerdictSchema = z.enum([
  'correctUnderstanding',
  'partialUnderstanding',
  'misunderstanding',
]);
export type UnderstandingVerdict = z.infer<typeof understandingVerdictSchema>;

export const understandingAssessmentInputSchema = agentContextSchema.extend({
  story: storySchema,
  /** The learner's restatement of the story in their own words. */
  restatement: z.string().min(1),
});
export type UnderstandingAssessmentInput = z.input<typeof understandingAssessmentInputSchema>;

export const understandingAssessmentSchema = z.object({
  verdict: understandingVerdictSchema,
  confidence: z.number().min(0).max(1),
  coveredPoints: z.array(z.string()),
  missingPoints: z.array(z.string()),
  wrongPoints: z.array(z.string()),
  reply: z.string(),
});
export type UnderstandingAssessment = z.infer<typeof understandingAssessmentSchema>;
