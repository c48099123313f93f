import { concepts, type Concept } from '../../domain/concepts/index.ts';
import { matchConcepts } from '../../domain/concepts/match.ts';
import { findConcepts, getConcept } from '../../domain/concepts/lookup.ts';
import type { BlockerReading } from './blocker-diagnosis.ts';
import { replaceSourcePaths } from './source-paths.ts';

export interface HintConcept {
  concept: Concept | undefined;
  /** Keywords of the concept found in the learner's words or errors (for quoting). */
  matched: string[];
}

/** Blocker kinds whose concept is clear even when no keyword says so. */
const conceptByKind: Record<string, string> = {
  packageMissing: 'dependencies-install',
  commandMissing: 'dependencies-install',
  version: 'dependencies-install',
  envVar: 'environment-variables',
  serviceDown: 'ports-networking',
  portInUse: 'ports-networking',
};

/**
 * The concept a hint is about. The caller's named concept wins; then the learner's own question and
 * errors (story concepts only break ties there); then the current step; then what the blocker reading
 * implies; then the story's first concept. So "how do I compute the offset?" on a story whose
 * concepts start with HTTP is still about pagination.
 */
export function chooseHintConcept(options: {
  named: string;
  asked: string;
  errors: string[];
  step: string;
  storyConcepts: string[];
  reading: BlockerReading;
}): HintConcept {
  const { named, asked, errors, step, storyConcepts, reading } = options;
  // File paths in stack traces are not the learner's topic ("src/routes.ts" is not about HTTP routes).
  // A linear scanner, not a regular expression: "a-a-a-…" made the pattern backtrack quadratically.
  const words = replaceSourcePaths([asked, ...errors].join('\n'), ' ');
  const matchedIn = (concept: Concept) => matchConcepts(words, [concept])[0]?.matched ?? [];
  if (named) {
    const concept = getConcept(named.trim().toLowerCase()) ?? findConcepts(named, 1)[0];
    if (concept) return { concept, matched: matchedIn(concept) };
  }
  const byKind = getConcept(conceptByKind[reading.kind] ?? '');
  // An environment reading names the concept better than keywords do ("Cannot find module 'stripe'" is an install problem).
  if (byKind && reading.category === 'environmentIssue')
    return { concept: byKind, matched: matchedIn(byKind) };
  const scored = matchConcepts(words, concepts).map((m) => ({
    ...m,
    score:
      m.score + (storyConcepts.includes(m.concept.id) ? 0.5 : 0) + (m.concept === byKind ? 1 : 0),
  }));
  scored.sort((a, b) => b.score - a.score || a.concept.id.localeCompare(b.concept.id));
  // "Prisma or Knex or raw SQL?" is about deciding, not about SQL: a strong paralysis reading wins over a weak keyword.
  if (reading.category === 'analysisParalysis' && (scored[0]?.score ?? 0) < 3)
    return {
      concept: getConcept('task-breakdown'),
      matched: scored[0]?.concept.id === 'task-breakdown' ? scored[0].matched : [],
    };
  if (scored[0]) return { concept: scored[0].concept, matched: scored[0].matched };
  if (byKind) return { concept: byKind, matched: [] };
  const fromStep = step ? matchConcepts(step, concepts)[0] : undefined;
  if (fromStep) return { concept: fromStep.concept, matched: [] };
  if (reading.category === 'analysisParalysis')
    return { concept: getConcept('task-breakdown'), matched: [] };
  const fromStory = storyConcepts.map((id) => getConcept(id)).find(Boolean);
  if (fromStory) return { concept: fromStory, matched: [] };
  return {
    concept:
      errors.length || reading.category === 'technicalError' ? getConcept('debugging') : undefined,
    matched: [],
  };
}
