import type { Concept } from './concept.ts';

export interface ConceptMatch {
  concept: Concept;
  score: number;
  /** Keywords of the concept found in the text. */
  matched: string[];
}

/**
 * Score every concept against free text (a question, an error message, a story). Multi-word
 * keywords weigh more than single words; short keywords must match as whole words so `let` does not
 * match "delete". Returns matches with a positive score, best first.
 */
export function matchConcepts(text: string, library: readonly Concept[]): ConceptMatch[] {
  const haystack = text.toLowerCase();
  const matches: ConceptMatch[] = [];
  for (const concept of library) {
    let score = 0;
    const matched: string[] = [];
    for (const keyword of [
      concept.id.replace(/-/g, ' '),
      concept.name.toLowerCase(),
      ...concept.keywords,
    ]) {
      if (!containsTerm(haystack, keyword)) continue;
      matched.push(keyword);
      score +=
        1 + keyword.trim().split(/\s+/).length * 0.5 + (/[^a-z0-9 ]/.test(keyword) ? 0.5 : 0);
    }
    if (score > 0) matches.push({ concept, score, matched });
  }
  return matches.sort((a, b) => b.score - a.score || a.concept.id.localeCompare(b.concept.id));
}

/** Whole-word match for plain words; substring match for keywords with punctuation (e.g. `.then`, `expect(`). */
export function containsTerm(haystack: string, term: string): boolean {
  const t = term.toLowerCase().trim();
  if (!t) return false;
  if (/[^a-z0-9 '-]/.test(t)) return haystack.includes(t);
  const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // Allow simple plural/verb endings on the last word ("tests", "paginated").
  return new RegExp(`(^|[^a-z0-9])${escaped}(s|es|ed|ing|d)?($|[^a-z0-9])`, 'i').test(haystack);
}
