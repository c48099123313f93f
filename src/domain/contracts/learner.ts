import { z } from 'zod';
import type { LearnerLevel } from '../concepts/index.ts';
import { storySchema } from '../story.ts';

export { storySchema, type Story } from '../story.ts';

export const learnerLevelSchema = z.enum([
  'beginner',
  'intermediate',
  'advanced',
] as const satisfies readonly LearnerLevel[]);

/**
 * What every learner-facing agent knows about the learner. Kept in the learner's working memory
 * (resource scope) and sent with every call so wording and hint depth fit the learner.
 */
export const learnerProfileSchema = z.object({
  learnerId: z.string().optional(),
  level: learnerLevelSchema.default('beginner'),
  /** Concept ids the learner has shown they understand. */
  knownConcepts: z.array(z.string()).default([]),
  /** Mistakes seen more than once (e.g. blocker categories, error classes). */
  recurringMistakes: z.array(z.string()).default([]),
  /** Help requests so far (hints, explanations, diagnoses). */
  helpRequests: z.number().int().min(0).default(0),
  /** Most recent help topics, newest last. */
  recentHelpTopics: z.array(z.string()).default([]),
});
export type LearnerProfile = z.infer<typeof learnerProfileSchema>;

/** One thing the learner did: a test run, build, lint, commit, edit, research… `ok` when it has an outcome. */
export const activitySchema = z.object({
  type: z
    .string()
    .min(1)
    .describe(
      'test | build | lint | typecheck | coverage | commit | edit | run | research | docs | chat | other',
    ),
  ok: z.boolean().optional(),
  summary: z.string().default(''),
  at: z.string().optional(),
});
export type Activity = z.infer<typeof activitySchema>;

/** Fields every agent input carries. */
export const agentContextSchema = z.object({
  learner: learnerProfileSchema.default({
    level: 'beginner',
    knownConcepts: [],
    recurringMistakes: [],
    helpRequests: 0,
    recentHelpTopics: [],
  }),
  story: storySchema.optional(),
});
