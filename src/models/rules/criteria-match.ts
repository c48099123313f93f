import { mentions, paraphraseTerms } from './paraphrase.ts';
import { sameTerm } from './text.ts';

/**
 * How much of each acceptance criterion a learner's text covers. A criterion names a few key things
 * (the code names in it, its nouns) and some details (defaults, numbers, "optional"); a restatement
 * in the learner's words names the key things and drops details. So each term is weighted:
 * - code names (backticked, camelCase, snake_case, paths) weigh most: they are what the criterion is about;
 * - numbers and spec filler ("optional", "default", "accepts", "correctly") weigh little;
 * - a term shared by many criteria (the story's domain noun) says less about which one is meant,
 *   but less steeply than plain inverse frequency: the domain noun is still part of each criterion.
 */
const fillerWords = paraphraseTerms(
  'accept accepts optional optionally default defaults based contain contains include includes have has support supports allow allows able correct correctly proper properly current same each instead further both given following whether across within between through during until among',
);

/** A criterion at or above this share is covered; from `partlyCovered` up it is partly covered. */
export const coveredShare = 0.5;
export const partlyCovered = 0.3;

/** Words of conversation rather than of the task ("I'm not sure what happens if it doesn't exist"). */
const chatter = new Set(
  paraphraseTerms(
    'sure think guess happen happens exist exists know mean someone something many much time times thing things stuff hit really basically doesn don isn aren wasn won didn couldn shouldn wouldn ll ve re',
  ),
);

/** Code names in a criterion: `backticked`, camelCase, snake_case, /paths. */
function codeTerms(criterion: string): string[] {
  const names = [
    ...[...criterion.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
    ...(criterion.match(/\b[a-z]+[A-Z]\w*\b|\b\w+_\w+\b|\/[\w/:{}-]+/g) ?? []),
  ];
  return paraphraseTerms(names.join(' '));
}

/** Weight of each term of one criterion, given the terms of all criteria. */
function weigher(all: readonly string[][]) {
  return (criterion: string) => {
    const code = codeTerms(criterion);
    return (term: string, matched: boolean): number => {
      const shared = all.filter((ts) => mentions(ts, term)).length;
      const spread = shared <= 1 ? 1 : 1 / Math.sqrt(shared);
      // A number the learner repeats is a precise match; one left out is a detail.
      const kind = /^\d/.test(term)
        ? matched
          ? 1
          : 0.5
        : fillerWords.includes(term)
          ? 0.3
          : code.includes(term)
            ? 1.5
            : 1;
      return spread * kind;
    };
  };
}

/** Share (0–1, weighted) of each criterion's terms that `said` (paraphrase terms of the learner's text) mentions. */
export function criterionCoverage(criteria: readonly string[], said: readonly string[]): number[] {
  const all = criteria.map((c) => paraphraseTerms(c));
  const weightOf = weigher(all);
  return criteria.map((criterion, i) => {
    const weight = weightOf(criterion);
    let total = 0;
    let found = 0;
    for (const term of all[i]!) {
      const matched = mentions(said, term);
      const w = weight(term, matched);
      total += w;
      if (matched) found += w;
    }
    return total ? found / total : 1;
  });
}

/** Share of the learner's terms that are about the story at all (its text or a synonym); chatter does not count. */
export function topicality(said: readonly string[], storyText: string): number {
  const content = said.filter((t) => !chatter.has(t));
  if (!content.length) return 0;
  const story = paraphraseTerms(storyText);
  return content.filter((t) => mentions(story, t)).length / content.length;
}

/**
 * The criteria a learner's question is about, most relevant first. Each criterion term the question
 * names counts by how specific it is: 1 / the number of criteria that use it, half that when the
 * question only names a synonym. A criterion needs a score of 1: one specific term, or several shared ones.
 */
export function relevantCriteria(
  question: string,
  criteria: readonly string[],
  limit = 2,
): string[] {
  const said = paraphraseTerms(question).filter((t) => !chatter.has(t));
  const all = criteria.map((c) => paraphraseTerms(c));
  const scored = criteria.map((criterion, i) => {
    let score = 0;
    for (const t of all[i]!) {
      if (said.some((h) => sameTerm(t, h)))
        score += 1 / all.filter((ts) => ts.some((u) => sameTerm(t, u))).length;
      else if (mentions(said, t)) score += 0.5 / all.filter((ts) => mentions(ts, t)).length;
    }
    return { criterion, score };
  });
  return scored
    .filter((s) => s.score >= 1 - 1e-9)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.criterion);
}
