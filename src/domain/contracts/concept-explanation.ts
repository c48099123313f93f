import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

export const conceptExplanationInputSchema = agentContextSchema.extend({
  /** Concept name or the learner's question about it. */
  concept: z.string().min(1),
  /** What the learner is working on or the error that raised the question. */
  context: z.string().default(''),
});
export type ConceptExplanationInput = z.input<typeof conceptExplanationInputSchema>;

export const conceptExplanationSchema = z.object({
  concept: z.string(),
  explanation: z.string(),
  /** One small example that teaches the idea and is not the story's solution. */
  example: z.object({ language: z.string(), code: z.string(), caption: z.string() }),
  checkQuestion: z.string(),
  reply: z.string(),
});
export type ConceptExplanation = z.infer<typeof conceptExplanationSchema>;
