/**
 * Sequences of numbers read as text for the leak guard's readings (`leak-readings.ts`), under the
 * transforms a learner undoes with a line of code: a constant added, subtracted, XOR-ed or
 * multiplied in (stated in the reply or not), deltas from the previous code, the position added,
 * codes negated or scaled (`1.05`, `105.0`, `105,000`, `1.05e+2`), interleaved with indexes (a
 * table, pairs sorted by code), bytes grouped in 16- or 32-bit words, one big integer of the
 * bytes, digits reversed, base 62, a base named per code (`1101001_2`), `69h`. Each sequence is
 * read in a bounded number of passes, and only decodings that read as text are kept: a reading
 * that is not the solution matches nothing, so honest numbers cost time, never a refusal.
 */

/** Fewest numbers read as a text. */
const minRun = 8;
/** Most numbers read from one text (a longer reply is read from its start). */
const maxNumbers = 20_000;
/** Longest big integer read as bytes (BigInt parsing grows faster than its length). */
const maxBigDigits = 12_000;

// A number: `-`, `0x…`, `…h` hex, digits with thousands commas or not, a fraction, an exponent,
// a BigInt `n`. Bounded repeats and one alternative per start: linear.
const numberToken = (thousands: boolean) =>
  new RegExp(
    `(?<![0-9A-Za-z.])-?(?:0x[0-9a-f]{1,8}|[0-9a-f]{0,7}\\d[0-9a-f]{0,7}h|${thousands ? '\\d{1,3}(?:,\\d{3}){1,3}|' : ''}\\d{1,12})(?:\\.\\d{1,6})?(?:e[+-]?\\d{1,3})?n?(?![0-9A-Za-z])`,
    'gi',
  );

/** Hex numbers without a prefix (`3a 7c`), when some have a letter among their digits. */
const hexToken = /(?<![0-9A-Za-z])[0-9a-f]{1,8}(?![0-9A-Za-z])/gi;
// Bounded like `hexToken` (8 digits at most): unbounded, a long run of digits with no letter
// backtracked over the whole run from its start (200,000 digits took 80 s).
const hasBareHex =
  /(?<![0-9A-Za-z])(?:[0-9a-f]{0,6}\d[0-9a-f]{0,6}[a-f]|[a-f][0-9a-f]{0,6}\d)[0-9a-f]{0,6}(?![0-9A-Za-z])/i;

function tokenValue(token: string): number {
  if (token.length < 8 && /^\d+$/.test(token)) return Number(token);
  const t = token.toLowerCase().replace(/n$/, '').replace(/,/g, '');
  const sign = t.startsWith('-') ? -1 : 1;
  const bare = t.replace(/^-/, '');
  if (bare.startsWith('0x')) return sign * parseInt(bare.slice(2), 16);
  if (bare.endsWith('h')) return sign * parseInt(bare.slice(0, -1), 16);
  return sign * Number(bare);
}

/** Printable ASCII, line breaks and tabs make up 90% of the codes. */
function looksLikeText(codes: readonly number[]): boolean {
  let printable = 0;
  for (const c of codes) if ((c >= 32 && c < 127) || c === 10 || c === 9) printable++;
  return codes.length >= minRun && printable >= codes.length * 0.9;
}

const asText = (codes: readonly number[]) =>
  codes.map((n) => (n >= 9 && n <= 0x10ffff ? String.fromCodePoint(n) : '')).join('');

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Fractions and common factors scaled away: `1.05` and `315` (3 × 105) read as 105. */
function unscaled(values: number[]): number[] {
  let decimals = 0;
  for (const v of values)
    if (!Number.isInteger(v))
      decimals = Math.max(decimals, Math.min(6, (String(v).split('.')[1] ?? '').length));
  const scaled = decimals ? values.map((v) => Math.round(v * 10 ** decimals)) : values;
  let g = 0;
  for (const v of scaled) {
    if (Number.isSafeInteger(v)) g = gcd(Math.abs(v), g);
    if (g === 1) break;
  }
  return g > 1 ? scaled.map((v) => v / g) : scaled;
}

/** The most frequent value: in code, most often a space. */
function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/** Words of bytes (16 or 32 bits, either byte order) as UTF-8 text. */
function wordBytes(values: readonly number[]): string[] {
  const max = Math.max(...values.map(Math.abs));
  if (max <= 255 || max > 0xffffffff || !values.every((v) => Number.isInteger(v) && v >= 0))
    return [];
  const width = max <= 0xffff ? 2 : 4;
  // Every byte printable (or padding) in nine words of ten, before any is written out.
  const printable = (b: number) => b === 0 || b === 10 || (b >= 32 && b < 127);
  let fits = 0;
  for (const v of values) {
    let ok = true;
    for (let k = 0; k < width && ok; k++) ok = printable(Math.floor(v / 256 ** k) % 256);
    if (ok) fits++;
  }
  if (fits < values.length * 0.9) return [];
  return [false, true].map((little) => {
    const bytes = Buffer.alloc(values.length * width);
    values.forEach((v, i) => {
      if (width === 2) little ? bytes.writeUInt16LE(v, i * 2) : bytes.writeUInt16BE(v, i * 2);
      else little ? bytes.writeUInt32LE(v, i * 4) : bytes.writeUInt32BE(v, i * 4);
    });
    return bytes.toString('utf8').replace(/\0/g, '');
  });
}

/**
 * Every other number, when the numbers between are indexes (`| 0 | 105 |`, `17:32` sorted by
 * code) or padding (UTF-16 bytes): the codes in the indexes' order.
 */
function deinterleaved(values: readonly number[]): number[][] {
  if (values.length < 2 * minRun) return [];
  const halves = [0, 1].map((from) => values.filter((_, i) => i % 2 === from));
  const out: number[][] = [];
  for (const [index, codes] of [halves, [halves[1]!, halves[0]!]]) {
    out.push(codes!);
    const n = Math.min(index!.length, codes!.length);
    for (const from of [0, 1]) {
      const ordered: number[] = new Array(n);
      let placed = 0;
      for (let i = 0; i < n; i++) {
        const at = index![i]! - from;
        if (Number.isInteger(at) && at >= 0 && at < n && ordered[at] === undefined) {
          ordered[at] = codes![i]!;
          placed++;
        }
      }
      if (placed >= n * 0.9) out.push(ordered.filter((v) => v !== undefined));
    }
  }
  return out;
}

/** Readings of one sequence of numbers under each transform, those that read as text. */
function sequenceReadings(raw: number[], constants: readonly number[]): string[] {
  const values = unscaled(raw);
  const out: string[] = [];
  const keep = (codes: number[]) => {
    if (looksLikeText(codes)) out.push(asText(codes));
  };
  let sum = 0;
  // The codes themselves, summed from deltas, less or plus their position; each then under a
  // constant: its own most frequent value taken for a space, or one the text states.
  const bases = [
    values,
    values.map((v) => (sum += v)),
    values.map((v, i) => v - i),
    values.map((v, i) => v + i),
  ];
  for (const base of bases) {
    const m = mode(base);
    // Text's codes lie within 127 of each other under a shift, a reflection or an XOR (one
    // aligned block of 128): numbers spread wider read as no text under any constant.
    let near = 0;
    for (const v of base) if (Math.abs(v - m) < 128) near++;
    if (near < base.length * 0.9) continue;
    for (const k of new Set([0, m - 32, ...constants, ...constants.map((c) => -c)]))
      keep(base.map((v) => v - k));
    for (const k of new Set([m ^ 32, ...constants])) keep(base.map((v) => v ^ k));
    for (const k of new Set([m + 32, 0, ...constants])) keep(base.map((v) => k - v));
  }
  for (const text of wordBytes(values)) keep([...text].map((c) => c.codePointAt(0)!));
  for (const half of deinterleaved(values)) keep(half);
  return out;
}

/**
 * The readings of every run of numbers in `text` (eight or more, only separators between them)
 * and of all its numbers together, with the constants the text states (`subtract 7`, `XOR 0x5a`):
 * the numbers outside runs.
 */
export function decodeIntegerSequences(text: string): string[] {
  const out: string[] = [];
  for (const kind of ['decimal', 'thousands', 'hex'] as const) {
    if (kind === 'thousands' && !/\d,\d{3}/.test(text)) continue;
    if (kind === 'hex' && !hasBareHex.test(text)) continue;
    const pattern = kind === 'hex' ? hexToken : numberToken(kind === 'thousands');
    const runs: number[][] = [];
    const all: number[] = [];
    const loose: number[] = [];
    let run: number[] = [];
    let end = 0;
    const flush = () => {
      if (run.length >= minRun) runs.push(run);
      else loose.push(...run);
      run = [];
    };
    for (const match of text.matchAll(pattern)) {
      if (all.length >= maxNumbers) break;
      const value = kind === 'hex' ? parseInt(match[0], 16) : tokenValue(match[0]);
      if (!Number.isFinite(value)) continue;
      if (/[A-Za-z]{2}/.test(text.slice(end, match.index))) flush();
      run.push(value);
      all.push(value);
      end = match.index + match[0].length;
    }
    flush();
    const constants = [
      ...new Set(loose.filter((v) => Number.isInteger(v) && Math.abs(v) < 0x10000)),
    ].slice(0, 6);
    for (const r of runs) out.push(...sequenceReadings(r, constants));
    if (runs.length !== 1 || runs[0]!.length !== all.length)
      out.push(...sequenceReadings(all, constants));
  }
  out.push(...bigIntegers(text), ...reversedDigits(text), ...namedBases(text), ...base62(text));
  return out;
}

/** A decimal integer of 40+ digits (wrapped in lines or not) as the bytes of a text. */
function bigIntegers(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(/\d[\d\s]{38,}\d/g)) {
    const digits = run.replace(/\s+/g, '');
    if (digits.length < 40 || /\s\d{1,3}\s/.test(run)) continue;
    let hex = BigInt(digits.slice(0, maxBigDigits)).toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    out.push(Buffer.from(hex, 'hex').toString('utf8'));
  }
  return out;
}

/** Decimal numbers with their digits reversed (`501` for 105). */
function reversedDigits(text: string): string[] {
  const codes = (text.match(/\d{2,7}/g) ?? []).map((n) => Number([...n].reverse().join('')));
  return looksLikeText(codes) ? [asText(codes)] : [];
}

const subscripts = '₀₁₂₃₄₅₆₇₈₉';

/** Each number with its base named after it: `1101001_2`, `151(8)`, `69 (base 16)`, `151₈`. */
function namedBases(text: string): string[] {
  const codes: number[] = [];
  const written = text.replace(
    /[₀-₉]+/g,
    (s) => `_${[...s].map((c) => subscripts.indexOf(c)).join('')}`,
  );
  for (const [, digits, base] of written.matchAll(
    /\b([0-9a-z]{1,16})(?:_|\s?\((?:base\s?)?)(\d{1,2})\)?/gi,
  )) {
    const b = Number(base);
    if (b >= 2 && b <= 36) codes.push(parseInt(digits!, b));
  }
  return looksLikeText(codes) ? [asText(codes)] : [];
}

const base62Alphabets = [
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
];

/** Codes in base 62 (both letter orders): one- or two-character tokens, both cases among them. */
function base62(text: string): string[] {
  const tokens = text.match(/(?<![0-9A-Za-z])[0-9A-Za-z]{1,2}(?![0-9A-Za-z])/g) ?? [];
  if (
    tokens.length < minRun ||
    !tokens.some((t) => /[a-z]/.test(t)) ||
    !tokens.some((t) => /[A-Z]/.test(t))
  )
    return [];
  return base62Alphabets.flatMap((alphabet) => {
    const codes = tokens.map((t) => [...t].reduce((v, c) => v * 62 + alphabet.indexOf(c), 0));
    return looksLikeText(codes) ? [asText(codes)] : [];
  });
}
