import { numberWordsToDigits } from './leak-legends.ts';
import { unicodeNamesRead } from './leak-stated.ts';
import { printedGrids } from './leak-tokens.ts';

/**
 * Numbered chunks for the leak guard's readings (`leak-readings.ts`): the solution cut into short
 * chunks (three characters, a token), each line a number and a chunk, a codec label in brackets
 * allowed (`#12 [unicode names] LATIN SMALL LETTER I, …`), dealt over turns and shuffled. Each
 * chunk is decoded where it stands (Unicode names, character codes in digits or words, Polybius
 * pairs on a grid the text prints or the plain one) and the chunks are put back in their numbers'
 * order. One pass over the text per grid.
 */

/** A numbered chunk line: `#12 [label] chunk`, `12: chunk`, `(12) chunk`. */
const chunkLine =
  /^[^\S\n]{0,8}[#(]?(\d{1,5})[)\]]?[^\S\n]{0,3}(?:\[[^\]\n]{0,40}\][^\S\n]{0,3})?(?:[:=.)|-][^\S\n]{0,3})?(.{1,400})$/gm;
/** Fewest numbered chunks read. */
const minChunks = 8;
const plainSquare = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A chunk of character codes (`112, 111, 114`) as its characters, or undefined. */
function codes(chunk: string): string | undefined {
  if (!/^[\s,;]*\d{1,7}(?:[\s,;]+\d{1,7}){0,15}[\s,;]*$/.test(chunk)) return undefined;
  const out = (chunk.match(/\d+/g) ?? []).map(Number);
  return out.every((c) => c >= 9 && c <= 0x10ffff) ? String.fromCodePoint(...out) : undefined;
}

/** A chunk of Polybius pairs (`23 14 <32>`, `2314`) on `square`, or undefined. */
function pairs(chunk: string, square: string): string | undefined {
  const tokens = chunk.trim().split(/\s+/);
  if (!tokens.every((t) => /^(?:[1-6][1-6])+$|^<\d{1,3}>$|^'.'$/.test(t))) return undefined;
  const side = square.length === 25 ? 5 : 6;
  return tokens
    .map((t) =>
      t.startsWith('<')
        ? String.fromCharCode(Number(t.slice(1, -1)))
        : t.startsWith("'")
          ? t[1]!
          : (t.match(/../g) ?? [])
              .map((p) => square[(+p[0]! - 1) * side + +p[1]! - 1] ?? '')
              .join(''),
    )
    .join('');
}

/** The numbered chunks of `text`, decoded, in their numbers' order: one reading per grid. */
export function numberedChunks(text: string): string[] {
  const named = unicodeNamesRead(text) || text;
  const digits = numberWordsToDigits(named);
  const found: [number, string][] = [];
  for (const m of digits.matchAll(chunkLine)) found.push([Number(m[1]), m[2]!]);
  if (found.length < minChunks) return [];
  found.sort((a, b) => a[0] - b[0]);
  return [plainSquare, ...printedGrids(text)].map((square) =>
    // Pairs first: two digits of 1-6 as a character code would be a control character.
    found.map(([, chunk]) => pairs(chunk, square) ?? codes(chunk) ?? chunk).join(''),
  );
}
