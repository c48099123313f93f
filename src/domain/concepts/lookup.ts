import { concepts, type Concept, type LearnerLevel } from './index.ts';
import { matchConcepts } from './match.ts';

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
  const exact = concepts.find(
    (c) => c.id === text.trim().toLowerCase() || c.name.toLowerCase() === text.trim().toLowerCase(),
  );
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
