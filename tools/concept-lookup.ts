import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { concepts, type Concept, type LearnerLevel } from './concepts/index.ts';
import { matchConcepts } from './concepts/match.ts';

export type { Concept, LearnerLevel } from './concepts/index.ts';

/** A concept as given to a learner-facing agent: the explanation for one level only. */
export interface ConceptCard {
  id: string;
  name: string;
  explanation: string;
  example: Concept['example'];
  checkQuestion: string;
  hints: Concept['hints'];
  pitfalls: string[];
}

/** The concept with this id, or undefined. */
export function getConcept(id: string): Concept | undefined {
  return concepts.find((c) => c.id === id);
}

/** Concepts that best match `text` (a question, error output, a concept name), best first. */
export function findConcepts(text: string, limit = 3): Concept[] {
  const exact = concepts.find((c) => c.id === text.trim().toLowerCase() || c.name.toLowerCase() === text.trim().toLowerCase());
  const ranked = matchConcepts(text, concepts).map((m) => m.concept);
  return (exact ? [exact, ...ranked.filter((c) => c !== exact)] : ranked).slice(0, limit);
}

/** One concept rendered for a learner level. */
export function conceptCard(concept: Concept, level: LearnerLevel): ConceptCard {
  return {
    id: concept.id,
    name: concept.name,
    explanation: concept.explanation[level],
    example: concept.example,
    checkQuestion: concept.checkQuestion,
    hints: concept.hints,
    pitfalls: concept.pitfalls,
  };
}

const levelSchema = z.enum(['beginner', 'intermediate', 'advanced']);

const conceptCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  explanation: z.string(),
  example: z.object({ language: z.string(), code: z.string(), caption: z.string() }),
  checkQuestion: z.string(),
  hints: z.array(z.string()),
  pitfalls: z.array(z.string()),
});

/** Mastra tool: look up concepts in the library by question, error text or name. */
export const conceptLookupTool = createTool({
  id: 'concept-lookup',
  description:
    'Look up programming concepts in the mentoring concept library by a question, an error message or a concept name. Returns explanations for the learner level, a small generic example, a check-for-understanding question and Socratic hints.',
  inputSchema: z.object({
    query: z.string().min(1).describe('question, error text or concept name'),
    level: levelSchema.default('beginner'),
    limit: z.number().int().min(1).max(5).default(2),
  }),
  outputSchema: z.object({ concepts: z.array(conceptCardSchema) }),
  execute: async ({ query, level, limit }) => ({
    concepts: findConcepts(query, limit).map((c) => conceptCard(c, level)),
  }),
});
