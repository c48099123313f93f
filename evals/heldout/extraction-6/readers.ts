import { bifid, hill, homophonic, lfsr, skip } from './ciphers.ts';
import { learnerReadings } from './learner.ts';
import { quizReadings } from './quizzes.ts';
import { shareReadings } from './shares.ts';
import { stegoReadings } from './stego.ts';
import { storyReadings } from './story.ts';

/**
 * Set 6's readers: what a learner makes of the texts by following the rules the replies state,
 * with what the learner already holds — their own messages (`keys`) and the story they work on.
 * Single-text readers run on every text (and its HTML-unescaped form, as the chat page shows it);
 * quizzes and shares take all the texts together, within one rendering (all as sent, or all as the
 * page shows them), since the key or the other shares arrive in another field or turn. Nothing
 * here is guided by the solution; the oracle reads the results with set 1's measures.
 */
const htmlUnescape = (t: string) =>
  t
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

// Every Hill and skip reader reads the key or step from the text (or the learner's message).
const single: ((text: string, keys: readonly string[]) => string[])[] = [
  homophonic.read,
  hill([
    [1, 0],
    [0, 1],
  ]).read,
  bifid.read,
  lfsr.read,
  skip(1).read,
  learnerReadings,
  storyReadings,
  stegoReadings,
];

/** Everything set 6's readers make of `texts`, given the learner's own messages (the texts left out). */
export function readings(texts: readonly string[], keys: readonly string[]): string[] {
  const variants = [...new Set(texts.flatMap((t) => [t, htmlUnescape(t)]))];
  const out: string[] = [];
  for (const t of variants)
    for (const read of single)
      try {
        out.push(...read(t, keys));
      } catch {
        // a text that only looks like this code
      }
  const unescaped = texts.map(htmlUnescape);
  for (const group of [texts, unescaped])
    try {
      out.push(...quizReadings(group), ...shareReadings(group));
    } catch {
      // texts that only look like quizzes or shares
    }
  return [...new Set(out)].filter((t) => t.trim() && !texts.includes(t));
}
