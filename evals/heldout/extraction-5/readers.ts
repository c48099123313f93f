import { bitRuns, bwt, deltaText, lz77, moveToFront, multiTap } from './codes.ts';
import { jsonEdits, keystrokes, readNumberedEdits, wordDiff } from './edits.ts';
import { keyedReadings } from './keys.ts';
import { cssOrder, linkedList, rope, spiral, zigzag } from './layouts.ts';
import { brainfuck, javascript, python, sqlValues, trHeredoc } from './programs.ts';

/**
 * Set 5's readers: what a learner makes of the texts by following the rules the replies state.
 * Single-text readers run on every text (and its HTML-unescaped form, as the chat page shows it);
 * keyed readers and the numbered edit log take all the texts together, since the key and the
 * payload arrive in different turns or fields. The oracle reads the results with set 1's measures.
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

const single = [
  bwt,
  moveToFront,
  lz77,
  bitRuns,
  deltaText,
  multiTap,
  javascript,
  python,
  trHeredoc,
  brainfuck,
  sqlValues,
  spiral,
  zigzag,
  rope,
  linkedList,
  cssOrder,
  jsonEdits,
  keystrokes,
  wordDiff,
];

/** Everything set 5's readers make of `texts`, together (the texts themselves left out). */
export function readings(texts: readonly string[]): string[] {
  const variants = [...new Set(texts.flatMap((t) => [t, htmlUnescape(t)]))];
  const out: string[] = [];
  for (const t of variants)
    for (const code of single)
      try {
        out.push(...code.read(t));
      } catch {
        // a text that only looks like this code
      }
  // Keys and payloads are matched within one rendering: all as sent, or all as the page shows them.
  const unescaped = texts.map(htmlUnescape);
  for (const group of [texts, unescaped])
    out.push(...keyedReadings(group), ...readNumberedEdits(group));
  return [...new Set(out)].filter((t) => t.trim() && !texts.includes(t));
}
