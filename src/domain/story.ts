import { z } from 'zod';

/** Seed 001's task complexities; they pick the story's timeout policy. */
export const storyComplexitySchema = z.enum(['simple', 'complex', 'research']);
export type StoryComplexity = z.infer<typeof storyComplexitySchema>;

/** A story as the learner (and every agent) sees it. The reference solution is never part of it. */
export const storySchema = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1, 'expected a title'),
  description: z.string().trim().min(1, 'expected a description'),
  acceptanceCriteria: z
    .array(z.string().trim().min(1))
    .min(1, 'expected at least one acceptance criterion'),
  complexity: storyComplexitySchema.default('simple'),
  /** Concept ids from the concept library the story exercises (optional tags). */
  concepts: z.array(z.string()).default([]),
});
export type Story = z.infer<typeof storySchema>;
