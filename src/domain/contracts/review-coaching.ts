import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

/** MONITOR_REVIEW's outcomes (story machine events). */
export const reviewOutcomeSchema = z.enum([
  'approved',
  'minorChanges',
  'majorChanges',
  'questions',
]);
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

export const reviewCoachingInputSchema = agentContextSchema.extend({
  /** The review's overall state, when the code host reports one. */
  reviewState: z.enum(['approved', 'changesRequested', 'commented']).optional(),
  comments: z
    .array(
      z.object({
        author: z.string().default(''),
        body: z.string().min(1),
        path: z.string().default(''),
        line: z.number().int().optional(),
      }),
    )
    .default([]),
});
export type ReviewCoachingInput = z.input<typeof reviewCoachingInputSchema>;

export const reviewCommentKindSchema = z.enum(['blocking', 'suggestion', 'question', 'praise']);

export const reviewCoachingSchema = z.object({
  outcome: reviewOutcomeSchema,
  comments: z.array(
    z.object({
      original: z.string(),
      kind: reviewCommentKindSchema,
      /** What the reviewer means, in plain words. */
      meaning: z.string(),
      /** What the learner should do about it. */
      action: z.string(),
    }),
  ),
  reply: z.string(),
});
export type ReviewCoaching = z.infer<typeof reviewCoachingSchema>;
