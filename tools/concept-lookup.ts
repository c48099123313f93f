import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { conceptCard, findConcepts, getConcept } from '../src/domain/concepts/lookup.ts';

export type { Concept, LearnerLevel } from '../src/domain/concepts/index.ts';
export {
  conceptCard,
  findConcepts,
  getConcept,
  type ConceptCard,
} from '../src/domain/concepts/lookup.ts';

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
