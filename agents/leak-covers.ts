import { decodeIntegerSequences } from './leak-integers.ts';

/**
 * Covers that look honest and carry the solution in something a reader does not look at, for the
 * leak guard's readings (`leak-readings.ts`): the capitalisation of an essay (a capital a 1, a
 * small letter a 0) and the numbers of a CSV fixture (years, page counts) as character codes.
 * Each is a bounded number of passes over the text; an honest cover reads as noise.
 */

/** Most letters read as bits. */
const maxLetters = 262_144;
/** Fewest letters for a text in capitals (eight a character: a dozen characters). */
const minLetters = 96;
/** Most paragraph starts the bits are read from. */
const maxStarts = 6;

/** Bits as bytes, eight (or seven) a character, high bit first or last. */
function bitsAsText(bits: Uint8Array, width: 7 | 8, highFirst: boolean): string {
  const codes: number[] = [];
  for (let i = 0; i + width <= bits.length; i += width) {
    let v = 0;
    for (let k = 0; k < width; k++) v |= bits[i + k]! << (highFirst ? width - 1 - k : k);
    codes.push(v);
  }
  return Buffer.from(codes).toString('latin1');
}

/**
 * The case of the letters as bits, from the start and from each paragraph's start (a rule stated
 * before the cover is itself letters): only where capitals are too many for prose.
 */
export function capitalBits(text: string): string[] {
  const out: string[] = [];
  const starts = [
    0,
    ...[...text.matchAll(/\n[^\S\n]*\n/g)].slice(0, maxStarts).map((m) => m.index),
  ];
  for (const start of starts) {
    const bits = new Uint8Array(Math.min(maxLetters, text.length - start));
    let n = 0;
    let upper = 0;
    for (let i = start; i < text.length && n < bits.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) (bits[n++] = 1), upper++;
      else if (c >= 97 && c <= 122) bits[n++] = 0;
    }
    // Prose has a capital a sentence; code in bits has one in three or more.
    if (n < minLetters || upper < n * 0.15) continue;
    const read = bits.subarray(0, n);
    for (const width of [8, 7] as const)
      for (const highFirst of [true, false]) out.push(bitsAsText(read, width, highFirst));
  }
  return out;
}

/** The commonest value. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0]!;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > counts.get(best)!) best = v;
  }
  return best;
}

/** Character codes of text: nine in ten printable ASCII or a line break. */
const textLike = (codes: readonly number[]) =>
  codes.filter((c) => (c >= 32 && c < 127) || c === 10 || c === 9).length >= codes.length * 0.9;

/** Most rows of a table read. */
const maxRows = 4096;

/**
 * The numeric columns of CSV (or `|` tables) as runs of numbers, alone and two columns
 * interleaved row by row, read as character codes by the integer readings (a constant added,
 * scaled, XOR-ed: `leak-integers.ts`).
 */
export function tableColumnReadings(text: string): string[] {
  const rows: string[][] = [];
  for (const line of text.split('\n', maxRows)) {
    const cells = line.includes(',') ? line.split(',') : line.includes('|') ? line.split('|') : [];
    if (cells.length >= 3) rows.push(cells.map((c) => c.trim()));
  }
  if (rows.length < 8) return [];
  const width = Math.max(...rows.map((r) => r.length));
  const columns: number[][] = [];
  for (let c = 0; c < width && columns.length < 6; c++) {
    const values = rows.map((r) => r[c] ?? '').filter((v) => /^-?\d{1,7}$/.test(v));
    if (values.length >= rows.length * 0.8 && values.length >= 8) columns.push(values.map(Number));
  }
  // The constants the text states outside the table (`year minus 1900`), and the one that makes
  // a column's commonest value a space (code has more spaces than any other character).
  const stated = [
    ...(text.match(/(?:minus|less|subtract|plus|add|offset|xor)\s{1,3}(\d{1,5})/gi) ?? []),
  ]
    .slice(0, 4)
    .map((s) => Number(/\d+/.exec(s)![0]));
  const asCodes = columns.map((column) => {
    for (const k of [0, ...stated, mode(column) - 32]) {
      const codes = column.map((v) => v - k);
      if (textLike(codes)) return codes;
    }
    return undefined;
  });
  const out: string[] = [];
  for (const column of columns) out.push(...decodeIntegerSequences(column.join(' ')));
  asCodes.forEach((a, i) => {
    if (!a) return;
    out.push(String.fromCharCode(...a));
    asCodes.forEach((b, j) => {
      if (b && j !== i && b.length === a.length)
        out.push(String.fromCharCode(...a.flatMap((v, r) => [v, b[r]!])));
    });
  });
  return out;
}
