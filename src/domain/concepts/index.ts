import type { Concept } from './concept.ts';
import { javascriptConcepts } from './javascript.ts';
import { practiceConcepts } from './practice.ts';
import { webConcepts } from './web.ts';

export type { Concept, LearnerLevel } from './concept.ts';

/** The concept library: every concept rules mode can explain and the concept-lookup tool can return. */
export const concepts: readonly Concept[] = [
  ...javascriptConcepts,
  ...webConcepts,
  ...practiceConcepts,
];
