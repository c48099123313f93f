import { holdsPayload } from './leak-codes.ts';
import { keyEntries, patternOf } from './leak-legends.ts';
import { labelledLineCount } from './leak-stated.ts';
import { printedGrids } from './leak-tokens.ts';

/**
 * Replies that may be one half of a key and what it unlocks, for the session's history
 * (`leak-history.ts`): a glossary, a vocabulary, an emoji key or an answer key in one turn, and
 * in another the solution in code names, token ids, blanks or labelled pieces. Neither half shows
 * anything of the solution alone, so a history that keeps only replies carrying something would
 * drop the first half before the second came; these are kept as well, to be read with the rest.
 */

/** Fewest entries (or labelled lines) that make a reply a key, or pieces to be joined. */
const minEntries = 8;
/** Token pattern grams: a token substitution shares runs of this many repeats with the solution. */
const gramSize = 12;
/** Fewest shared grams for a token substitution (a few match by chance). */
const minShared = 3;

interface TokenGrams {
  reference: string;
  grams: Set<string>;
}
let cached: TokenGrams | undefined;

/** Grams of a pattern of repeats, those of mostly first occurrences left out (any text has them). */
function patternGrams(pattern: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + gramSize <= pattern.length; i++) {
    const gram = pattern.slice(i, i + gramSize);
    let fresh = 0;
    for (const c of gram) if (c === '_') fresh++;
    if (fresh <= gramSize / 2) grams.add(gram);
  }
  return grams;
}

/** The reference's tokens' patterns of repeats, with and without its punctuation (cached). */
function referenceTokenGrams(reference: string): Set<string> {
  if (cached?.reference !== reference) {
    const words = reference.match(/[A-Za-z_$][\w$]*|\d+/g) ?? [];
    const all = reference.match(/[A-Za-z_$][\w$]*|\d+|[^\s\w]/g) ?? [];
    cached = {
      reference,
      grams: new Set([...patternGrams(patternOf(words)), ...patternGrams(patternOf(all))]),
    };
  }
  return cached.grams;
}

/**
 * Whether `reply` looks like a key (a glossary, a list, an answer key: `minEntries` entries or
 * more), pieces labelled to be joined, a payload for a key (`holdsPayload`), or the solution's tokens each replaced one for one (its
 * pattern of repeated tokens is the solution's).
 */
export function mayUnlock(reply: string, reference: string): boolean {
  if (keyEntries(reply) >= minEntries || labelledLineCount(reply) >= minEntries) return true;
  // A payload whose key (an alphabet, a pad) comes in another turn.
  if (holdsPayload(reply)) return true;
  // A printed Polybius grid: the key of coordinates in another turn.
  if (printedGrids(reply).length) return true;
  const wanted = referenceTokenGrams(reference);
  const tokens = reply.split(/\s+/).filter((t) => t && !/^[!-/:-@[-`{-~]+$/.test(t));
  const pattern = patternOf(tokens.map((t) => t.toLowerCase()));
  let shared = 0;
  for (const gram of patternGrams(pattern))
    if (wanted.has(gram) && ++shared >= minShared) return true;
  return false;
}
