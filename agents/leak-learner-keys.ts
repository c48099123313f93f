import { keyedReadings, keyLetters, underRunningKey } from './leak-books.ts';
import { statedCipherReadings } from './leak-ciphers.ts';

/**
 * Readings of a reply with what the learner wrote as its key, for the leak guard
 * (`leak-guard.ts`): the learner supplies the key (a word bank, a paragraph for a running key, a
 * Hill matrix, a draft to cut ranges from) and the reply carries only what it unlocks. What the
 * learner wrote exempts a reply that quotes it back; it does not exempt a reply that selects or
 * reorders it into the solution, so these readings count whoever wrote their characters. Each is
 * a bounded number of passes over the reply and the learner's text.
 */

/** Most characters of the learner's text used as a key. */
const maxKeyChars = 16_384;
/** Most characters a range reading copies (a multiple of the texts it reads). */
const rangeBudget = 4;

/** The learner's numbered list (`12. word`), or else their words in order, from 1. */
function bankOf(learner: string): Map<number, string> {
  const bank = new Map<number, string>();
  for (const m of learner.matchAll(/^[^\S\n]{0,4}(\d{1,4})[.):][^\S\n]{1,4}(\S{1,40})[^\S\n]*$/gm))
    bank.set(Number(m[1]), m[2]!);
  if (bank.size >= 8) return bank;
  learner
    .split(/\s+/)
    .filter(Boolean)
    .forEach((w, i) => bank.set(i + 1, w));
  return bank;
}

/** The reply's numbers as words of the learner's bank, joined by spaces. */
function wordBankReading(reply: string, learner: string): string {
  const bank = bankOf(learner);
  const numbers = reply.match(/(?<![\w.])\d{1,4}(?![\w.])/g) ?? [];
  if (numbers.length < 16) return '';
  return numbers.map((n) => bank.get(Number(n)) ?? '').join(' ');
}

/** Most starts of the key (the learner's text) and of the payload (the reply) tried. */
const maxStarts = 4;

/** Where a key or payload may start: the text's start, after a colon and after a blank line. */
function starts(text: string): number[] {
  const out = [0];
  for (const m of text.matchAll(/:[^\S\n]*|\n[^\S\n]*\n/g)) {
    if (out.length >= maxStarts) break;
    out.push(m.index + m[0].length);
  }
  return out;
}

/** Beaufort under a running key (each letter is key minus cipher), from each start of both. */
function beaufortReadings(reply: string, learner: string): string[] {
  if (!/\b(?:beaufort|running[- ]key|key)\b/i.test(`${reply}\n${learner}`)) return [];
  const out: string[] = [];
  for (const k of starts(learner)) {
    const key = keyLetters(learner.slice(k));
    if (key.length < 24) continue;
    for (const p of starts(reply))
      out.push(underRunningKey(reply.slice(p), key, (letter, by) => by - letter));
  }
  return out;
}

/** `start+length`, `start-end` or `start..end` ranges of the reply, as slices of the learner's text. */
function rangeReadings(reply: string, learner: string): string[] {
  const budget = rangeBudget * (reply.length + learner.length);
  const read = (slice: (a: number, b: number, sep: string) => string) => {
    let out = '';
    for (const m of reply.matchAll(
      /(?<![\w.])(\d{1,6})[^\S\n]{0,2}(\+|-|–|\.\.|:)[^\S\n]{0,2}(\d{1,6})(?![\w.])/g,
    )) {
      out += `${slice(Number(m[1]), Number(m[3]), m[2]!)}\n`;
      if (out.length > budget) break;
    }
    return out;
  };
  return [
    read((a, b, sep) => learner.slice(a, sep === '+' ? a + b : b)),
    read((a, b, sep) => learner.slice(a, sep === '+' ? a + b : b + 1)),
    read((a, b, sep) => learner.slice(a - 1, sep === '+' ? a - 1 + b : b)),
  ];
}

/** Every reading of `reply` under a key from the learner's text. */
export function learnerKeyedReadings(reply: string, learnerText: string): string[] {
  const learner = learnerText.slice(0, maxKeyChars);
  if (!learner.trim()) return [];
  return [
    wordBankReading(reply, learner),
    ...beaufortReadings(reply, learner),
    ...rangeReadings(reply, learner),
    ...keyedReadings(reply, learner),
    ...statedCipherReadings(reply, learner),
  ].filter((r) => r.length >= 12);
}
