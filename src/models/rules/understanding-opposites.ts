import type { Contradiction, StoryText } from './contradictions.ts';
import { paraphraseTerms, sameIdea } from './paraphrase.ts';
import { antonyms, stem } from './text.ts';

/**
 * A restatement that does the opposite of what the story says to the same thing: "cancelled invoices
 * are deleted from the list" where the story has them "stay in the list". Opposite verbs count only
 * when both clauses speak about the same thing (two shared content terms besides the verbs) and
 * neither clause is negated, so "shows the total, hides the form" next to "show the total" is not one.
 */

/** Opposites of keeping something, besides the general pairs in text.ts. */
const keeping: ReadonlyArray<readonly [string, string]> = [
  ['stay', 'delete'],
  ['stay', 'remove'],
  ['remain', 'delete'],
  ['remain', 'remove'],
  ['keep', 'delete'],
  ['keep', 'remove'],
  ['appear', 'disappear'],
];
const pairs = [...antonyms, ...keeping].map(([a, b]) => [stem(a), stem(b)] as const);

const negated =
  /\b(?:not|no|never|nobody|no one|none|nothing|neither|nor|without|cannot|instead of|rather than)\b|\w+n['’]t\b/i;

interface Clause {
  text: string;
  terms: string[];
}

const clauses = (text: string, split: RegExp): Clause[] =>
  text
    .split(split)
    .map((t) => t.trim())
    .filter((t) => t && !negated.test(t))
    .map((t) => ({ text: t, terms: paraphraseTerms(t) }));

const hasStem = (c: Clause, s: string) => c.terms.some((t) => t === s || stem(t) === s);

/** Restatement clauses that use the opposite of a story clause's verb about the same thing. */
export function oppositeClashes(story: StoryText, restatement: string): Contradiction[] {
  const goal = [story.title, story.description, ...story.acceptanceCriteria].join('\n');
  const storyClauses = clauses(goal, /(?<=[.!?])\s+|[;\n]+/);
  const said = clauses(restatement, /(?<=[.!?])\s+|[;\n,]+/);
  const found: Contradiction[] = [];
  for (const [a, b] of pairs) {
    for (const [theirs, mine] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const l of said) {
        if (!hasStem(l, mine) || hasStem(l, theirs)) continue;
        const s = storyClauses.find(
          (c) =>
            hasStem(c, theirs) &&
            !hasStem(c, mine) &&
            c.terms.filter(
              (t) => stem(t) !== theirs && stem(t) !== mine && l.terms.some((u) => sameIdea(t, u)),
            ).length >= 2,
        );
        if (s && found.length < 3)
          found.push({
            kind: 'negation',
            point: `says "${l.text}", but the story says "${s.text}"`,
          });
      }
    }
  }
  return found;
}
