import { morse } from './leak-alphabets.ts';
import { patternOf } from './leak-legends.ts';

/**
 * Readings for the leak guard (`leak-readings.ts`) of texts written a token to a letter: Morse in
 * any two symbols or as `dit`/`dah` words, Polybius squares (a pair of coordinates a letter), and
 * the pattern of repeats of whole tokens (any one-token-per-letter code, with or without a key);
 * and tokens tagged with their position (`[17]=limit`, `| 17 | limit |`), put back in order.
 * Each is one pass over the text.
 */

/** Tokens written apart, in three ways: by spaces, by separators, and the digit runs alone. */
function tokenisations(text: string): string[][] {
  const keep = (tokens: string[]) => tokens.filter((t) => t && !/^[!-/:-@[-`{-~]+$/.test(t));
  return [
    keep(text.split(/\s+/)),
    keep(text.split(/\s*[,;|/\n]\s*|\s{2,}|\.\s+/).map((t) => t.trim())),
    text.match(/\d+/g) ?? [],
  ].filter((tokens) => tokens.length >= 24);
}

/**
 * The pattern of repeats of whole tokens (see `repeatPattern`): the same as the reference's when
 * each token stands for one of its letters (Morse, Polybius pairs, A1Z26, any code with or
 * without a key).
 */
export function tokenPatterns(text: string): string[] {
  return tokenisations(text).map((tokens) => patternOf(tokens.map((t) => t.toLowerCase())));
}

const element = /^(?:dit|dot|di|dah|dash|[-_·‧])+$/;

/** Morse written as words (`dah-dit-dah-dit`, `di dah | dah`) in dots and dashes. */
function ditDahMorse(text: string): string[] {
  if (!/\b(?:dit|di|dah)\b/i.test(text)) return [];
  const word = (token: string) =>
    token
      .replace(/[-_·‧]/g, '')
      .replace(/dash|dah/g, '-')
      .replace(/dit|dot|di/g, '.');
  // A token a letter (`dah-dit-dah-dit dit`), or an element a token with letters apart by
  // anything else (`dah di dah di | dah`).
  let letters = '';
  let elements = '';
  for (const [piece] of text.toLowerCase().matchAll(/\S{1,400}|\s+/g)) {
    const isElement = piece.length <= 60 && element.test(piece) && /[a-z]/.test(piece);
    letters += isElement ? `${word(piece)} ` : ' / ';
    if (isElement) elements += word(piece);
    else if (piece !== ' ') elements += ' ';
  }
  return [letters, elements];
}

/**
 * Morse in two other symbols (`▪▬`, `*_`, `01`): the two commonest symbols of the text, each
 * way round, as dot and dash.
 */
function twoSymbolMorse(text: string): string[] {
  const counts = new Map<string, number>();
  for (const c of text) if (!/[\sa-zA-Z/|]/.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const [a, b] = [...counts].sort((x, y) => y[1] - x[1]).map(([c]) => c);
  if (!a || !b || (a === '.' && b === '-') || (a === '-' && b === '.')) return [];
  return [
    [a, b],
    [b, a],
  ].map(([dot, dash]) => {
    let out = '';
    for (const c of text) out += c === dot ? '.' : c === dash ? '-' : ' ';
    return out;
  });
}

/**
 * Morse in two words (`beep boop`, `short long`): the two commonest words of the text, each way
 * round, as dot and dash; elements apart by a space or a hyphen make one letter.
 */
function twoWordMorse(text: string): string[] {
  const counts = new Map<string, number>();
  let words = 0;
  for (const [word] of text.toLowerCase().matchAll(/[a-z]+/g)) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
    words++;
  }
  const [a, b] = [...counts].sort((x, y) => y[1] - x[1]);
  if (!a || !b || a[1] + b[1] < words / 2) return [];
  return [
    [a[0], b[0]],
    [b[0], a[0]],
  ].map(([dot, dash]) =>
    text
      .toLowerCase()
      .replace(/[a-z]+/g, (w) => (w === dot ? '\u0001' : w === dash ? '\u0002' : ' '))
      .replace(/[.-]/g, ' ')
      .replace(/([\u0001\u0002])[ -]+(?=[\u0001\u0002])/g, '$1')
      .replace(/\u0001/g, '.')
      .replace(/\u0002/g, '-'),
  );
}

/** Dots and dashes, letters apart by anything else, as letters. */
const fromMorse = (codes: string) =>
  (codes.match(/[.-]+/g) ?? []).map((m) => morse[m] ?? '').join('');

/** Morse in words or in other symbols, as letters. */
export function morseReadings(text: string): string[] {
  return [...ditDahMorse(text), ...twoSymbolMorse(text), ...twoWordMorse(text)]
    .map(fromMorse)
    .filter((t) => t.length >= 24);
}

const squares = ['abcdefghijklmnopqrstuvwxyz0123456789', 'abcdefghiklmnopqrstuvwxyz'];

/** A printed grid row: an optional row label, then five or six single characters (`| 1 | a | b |…`). */
const gridRow =
  /^[^\S\n]*\|?[^\S\n]*(?:[1-6][^\S\n]*[|:.)]?[^\S\n]*)?((?:[a-z0-9][^\S\n]*\|?[^\S\n]*){5,6})$/i;

/**
 * Polybius squares the text prints (5 rows of 5 or 6 rows of 6 single letters or digits, a
 * header row and row labels allowed): a grid given without a key word is its own key. At most four.
 */
export function printedGrids(text: string): string[] {
  const grids: string[] = [];
  let rows: string[] = [];
  const flush = () => {
    const side = rows[0]?.length;
    if ((side === 5 || side === 6) && rows.length >= side && rows.every((r) => r.length === side))
      grids.push(rows.slice(0, side).join('').toLowerCase());
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (grids.length >= 4) break;
    const m = line.length <= 80 ? gridRow.exec(line) : null;
    const cells = m?.[1]?.replace(/[\s|]/g, '');
    // A header of column numbers (`| | 1 | 2 | 3 |…`) or a rule (`|---|`) does not end a grid.
    if (cells && !/^(?:123456|12345)$/.test(cells)) rows.push(cells);
    else if (
      !/^[\s|:-]*$/.test(line) &&
      !/^[\s|]*1[\s|]*2[\s|]*3[\s|]*4[\s|]*5[\s|]*6?[\s|]*$/.test(line)
    )
      flush();
  }
  flush();
  return grids;
}

/**
 * Polybius squares (6x6 with digits, 5x5 without `j`), row first and column first: every token
 * holding exactly two coordinates (`23`, `(2,3)`, `2-3`) is a letter; a run of coordinates
 * without separators is read two at a time.
 */
export function polybiusReadings(text: string): string[] {
  const pairs: [number, number][] = [];
  for (const [token] of text.matchAll(/\S{1,400}/g)) {
    const digits = token.replace(/\D/g, '');
    if (!/^[1-6]+$/.test(digits) || digits.length % 2) continue;
    if (digits.length > 2 && digits.length !== token.length) continue;
    for (let i = 0; i < digits.length; i += 2) pairs.push([+digits[i]!, +digits[i + 1]!]);
  }
  if (pairs.length < 24) return [];
  const out: string[] = [];
  for (const square of [...squares, ...printedGrids(text)]) {
    const side = square.length === 36 ? 6 : 5;
    for (const rowFirst of [true, false])
      out.push(
        pairs
          .map(([p, q]) => square[(rowFirst ? p - 1 : q - 1) * side + (rowFirst ? q : p) - 1] ?? '')
          .join(''),
      );
  }
  return out;
}

/**
 * A position and a token: `[17]=limit`, `17: limit`, `(17) limit`, `#17 → limit`, `| 17 | limit`,
 * `[17, "limit"]`, `token 17 is limit`. The token is quoted, or a run of non-space characters (a table cell's escaped
 * `\|` included).
 */
const tagged =
  /(?<![\w$.])[[(#]?(\d{1,5})[\])]?[^\S\n]{0,3}(?:=>|->|→|=|:|\.|\)|\||,|is\b)?[^\S\n]{0,3}(?:"((?:[^"\\\n]|\\.){1,60})"|((?:\\\||[^\s|]){1,60}))/g;
/** A token and its position after it: `limit@17`, `limit#17`, `| limit | 17 |`. */
const tokenFirst =
  /([^\s@#|]{1,60})[@#](\d{1,5})(?![\w@#])|\|[^\S\n]*([^|\n]{1,60}?)[^\S\n]*\|[^\S\n]*(\d{1,5})[^\S\n]*\|/g;

/** Tokens tagged with their positions, in the positions' order, when there are at least eight. */
export function positionedTokens(text: string): string[] {
  const out: string[] = [];
  const inOrder = (pairs: [number, string][]) => {
    if (pairs.length >= 8)
      out.push(
        pairs
          .sort((a, b) => a[0] - b[0])
          .map(([, token]) => token)
          .join(' '),
      );
  };
  inOrder(
    [...text.matchAll(tagged)].map((m) => [
      Number(m[1]),
      m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!.replace(/\\(.)/g, '$1'),
    ]),
  );
  inOrder(
    [...text.matchAll(tokenFirst)].map((m) => [
      Number(m[2] ?? m[4]),
      (m[1] ?? m[3]!).replace(/\\(.)/g, '$1'),
    ]),
  );
  return out;
}
