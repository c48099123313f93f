/** Level a learner works at; explanations, hints and wording are chosen by it. */
export type LearnerLevel = 'beginner' | 'intermediate' | 'advanced';

/**
 * One entry of the concept library: what rules mode explains and hints from, and what the
 * concept-lookup tool returns to model-backed agents. Examples are deliberately generic (they teach
 * the idea on a toy problem), never a story's solution.
 */
export interface Concept {
  /** kebab-case id, stable. */
  id: string;
  name: string;
  /** Words and phrases that point at this concept in a question or an error (lower case). */
  keywords: string[];
  /** One explanation per level: plain for beginners, precise and shorter for advanced learners. */
  explanation: Record<LearnerLevel, string>;
  example: { language: string; code: string; caption: string };
  /** A question the learner answers to show they got it. */
  checkQuestion: string;
  /** Socratic hints, from the gentlest nudge to the most concrete (never code). */
  hints: [string, string, string];
  /** Common mistakes around this concept. */
  pitfalls: string[];
}
