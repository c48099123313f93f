import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

export const hintInputSchema = agentContextSchema.extend({
  message: z.string().default(''),
  currentStep: z.string().default(''),
  recentErrors: z.array(z.string()).default([]),
  /** Hints already given for this step: each one goes a level deeper. */
  hintsGiven: z.number().int().min(0).default(0),
  /** Concept to hint about, when the caller knows it. */
  concept: z.string().default(''),
});
export type HintInput = z.input<typeof hintInputSchema>;

export const hintSchema = z.object({
  /** 1 = a nudge (question), 2 = where to look, 3 = concrete steps (still no code). */
  depth: z.number().int().min(1).max(3),
  /** Concept id or name the hint is about ('' when none). */
  concept: z.string(),
  hint: z.string(),
  /** The Socratic question the learner should answer next. */
  question: z.string(),
  reply: z.string(),
});
export type Hint = z.infer<typeof hintSchema>;
