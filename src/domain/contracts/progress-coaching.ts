import { z } from 'zod';
import { activitySchema, agentContextSchema } from './learner.ts';

/** MONITOR_PROGRESS's readings (story machine events). */
export const progressAssessmentSchema = z.enum([
  'steadyProgress',
  'slowingProgress',
  'noProgress',
  'circularActivity',
]);
export type ProgressAssessment = z.infer<typeof progressAssessmentSchema>;

/** Which coaching move: ENCOURAGE_SPEED, INVESTIGATE_STALL or STRATEGIC_REDIRECT. */
export const coachingModeSchema = z.enum(['encourage', 'investigateStall', 'redirect']);
export type CoachingMode = z.infer<typeof coachingModeSchema>;

export const progressCoachingInputSchema = agentContextSchema.extend({
  mode: coachingModeSchema.optional(),
  activity: z.array(activitySchema).default([]),
  minutesSinceProgress: z.number().min(0).optional(),
  completedSteps: z.number().int().min(0).optional(),
  totalSteps: z.number().int().min(0).optional(),
  currentStep: z.string().default(''),
  /** Pattern the detector found (sameTestFailing, researchLoop…), when coaching a redirect. */
  pattern: z.string().default(''),
});
export type ProgressCoachingInput = z.input<typeof progressCoachingInputSchema>;

export const progressCoachingSchema = z.object({
  assessment: progressAssessmentSchema,
  mode: coachingModeSchema,
  questions: z.array(z.string()),
  suggestedNextStep: z.string(),
  reply: z.string(),
});
export type ProgressCoaching = z.infer<typeof progressCoachingSchema>;
