import { integerRuns } from './leak-codes.ts';

/**
 * Classical ciphers whose key the reply states, for the leak guard's readings (`leak-readings.ts`):
 * homophonic substitution (a key table of codes a character), a Hill 2×2 matrix modulo a prime, bifid
 * over a printed 10×10 square, XOR with a stated LFSR's keystream and a stride permutation ("every
 * 37th character, wrapping round"). A compliant model states the rule so the learner can undo it;
 * each reader undoes it where it holds, from its statement to the next one of its kind, so a
 * session's turns each under its own key read back each under its own. Every reader is gated on
 * its statement and makes a bounded number of passes over the text.
 */

/** Most characters a reader decodes (a longer text is read from its start). */
const maxChars = 32_768;

/** The stretches of `text` from each match of `statement` to the next (at most `most`). */
function segments(text: string, statement: RegExp, most = 8): { at: number; text: string }[] {
  const starts = [...text.slice(0, maxChars).matchAll(statement)]
    .slice(0, most)
    .map((m) => m.index);
  return starts.map((at, i) => ({ at, text: text.slice(at, starts[i + 1] ?? maxChars) }));
}

// --- Homophonic substitution ----------------------------------------------------------------------

/** A key table's line: a symbol (or its name) and the codes that stand for it. */
const tableLine =
  /^[^\S\n]{0,8}(?:["'`]([^\n]{1,2})["'`]|(\S{1,8}))[^\S\n]{0,3}(?:=|:|->|→|\|)[^\S\n]{0,3}((?:\d{1,4}[^\S\n]{0,2}[,;/ ][^\S\n]{0,2}){0,11}\d{1,4})[^\S\n]{0,3}\|?[^\S\n]{0,3}$/gm;
const symbolNames: Record<string, string> = {
  '␠': ' ',
  space: ' ',
  sp: ' ',
  '⏎': '\n',
  '↵': '\n',
  '¶': '\n',
  newline: '\n',
  nl: '\n',
  '\\n': '\n',
  lf: '\n',
  tab: '\t',
  '\\t': '\t',
};

/**
 * Codes read through the key tables the text gives (several codes a symbol): each table applies to
 * the codes after it up to the next table. Codes not in the table read as nothing.
 */
export function homophonicReadings(text: string): string[] {
  const entries = [...text.slice(0, maxChars).matchAll(tableLine)];
  if (entries.length < 8) return [];
  const out: string[] = [];
  let table = new Map<string, string>();
  let reading = '';
  let from = 0;
  let lastEnd = -1;
  const flush = (upTo: number) => {
    if (table.size < 8) return;
    for (const [n] of text.slice(from, upTo).matchAll(/(?<!\d)\d{1,4}(?!\d)/g))
      reading += table.get(String(Number(n))) ?? '';
  };
  for (const m of entries) {
    // A new table starts where the text between two entries holds more than a line break.
    if (m.index > lastEnd + 2) {
      flush(m.index);
      if (reading) out.push(reading);
      reading = '';
      table = new Map();
    }
    const symbol = m[1] ?? m[2]!;
    const char = symbolNames[symbol.toLowerCase()] ?? symbolNames[symbol] ?? symbol;
    for (const n of m[3]!.match(/\d+/g) ?? []) table.set(String(Number(n)), char);
    lastEnd = m.index + m[0].length;
    from = lastEnd;
  }
  flush(Math.min(text.length, maxChars));
  if (reading) out.push(reading);
  return out;
}

// --- Hill 2×2 -----------------------------------------------------------------------------------

const matrixPattern =
  /\[\s{0,3}\[?\s{0,3}(-?\d{1,4})\s{0,3},\s{0,3}(-?\d{1,4})\s{0,3}\]?\s{0,3}[,;]?\s{0,3}\[?\s{0,3}(-?\d{1,4})\s{0,3},\s{0,3}(-?\d{1,4})\s{0,3}\]?\s{0,3}\]/;
const mod = (n: number, m: number) => ((n % m) + m) % m;

function inverseMod(n: number, m: number): number | undefined {
  for (let k = 1; k < m; k++) if (mod(n * k, m) === 1) return k;
  return undefined;
}

/** Codes back to characters the ways a reply may number them. */
const codeAlphabets: ((n: number, m: number) => string)[] = [
  // Printable ASCII from 0 (code minus 32), a line break and padding after it.
  (n) => (n === 95 ? '\n' : n > 95 ? '' : String.fromCharCode(n + 32)),
  (n) => String.fromCharCode(n),
  (n, m) => (m <= 36 ? ('abcdefghijklmnopqrstuvwxyz0123456789'[n] ?? '') : ''),
];

/**
 * Numbers after a Hill statement with a 2×2 matrix (`[[3, 5], [2, 7]]`), read back in pairs under
 * its inverse modulo the stated modulus (97, 95, 26, 256 when none is stated). `keys` gives matrices
 * stated elsewhere (the learner's own), read the same way.
 */
export function hillReadings(text: string, keys = ''): string[] {
  const out: string[] = [];
  const stated = segments(text, /\bhill\b/gi, 4);
  // A matrix the learner gave for a Hill cipher: the reply need not name it again.
  if (!stated.length && /\bhill\b/i.test(keys))
    stated.push({ at: 0, text: text.slice(0, maxChars) });
  for (const segment of stated) {
    const stated = matrixPattern.exec(segment.text.slice(0, 600)) ?? matrixPattern.exec(keys);
    if (!stated) continue;
    const [a, b, c, d] = stated.slice(1, 5).map(Number) as [number, number, number, number];
    const moduli =
      /\bmod(?:ulo|ulus)?\s{0,3}(\d{2,3})\b/i.exec(segment.text.slice(0, 600)) ??
      /\bmod(?:ulo|ulus)?\s{0,3}(\d{2,3})\b/i.exec(keys);
    for (const m of moduli ? [Number(moduli[1])] : [97, 95, 26, 256]) {
      const det = inverseMod(mod(a * d - b * c, m), m);
      if (det === undefined) continue;
      const inv = [d * det, -b * det, -c * det, a * det].map((v) => mod(v, m));
      for (const run of integerRuns(segment.text)) {
        if (run.length < 16 || run.some((v) => v < 0 || v >= m)) continue;
        // From the run's first number and its second: a stated number may run into the payload.
        for (const [alphabet, from] of codeAlphabets.flatMap((f) => [
          [f, 0] as const,
          [f, 1] as const,
        ])) {
          let reading = '';
          for (let i = from; i + 1 < run.length; i += 2)
            reading +=
              alphabet(mod(inv[0]! * run[i]! + inv[1]! * run[i + 1]!, m), m) +
              alphabet(mod(inv[2]! * run[i]! + inv[3]! * run[i + 1]!, m), m);
          out.push(reading);
        }
      }
    }
  }
  return out;
}

// --- Bifid over a printed 10×10 square ------------------------------------------------------------

/** A printed square's row: its number and ten symbols apart by spaces. */
const squareRow = /^[^\S\n]{0,4}(\d)[^\S\n]{1,4}((?:\S[^\S\n]{1,3}){9}\S)[^\S\n]{0,4}$/gm;

/** The 10×10 squares the text prints (ten consecutive numbered rows), with where each ends. */
function printedSquares(text: string): { square: string[]; end: number }[] {
  const out: { square: string[]; end: number }[] = [];
  let rows: string[][] = [];
  let lastEnd = -1;
  for (const m of text.slice(0, maxChars).matchAll(squareRow)) {
    if (m.index > lastEnd + 1 || Number(m[1]) !== rows.length % 10) rows = [];
    if (Number(m[1]) !== rows.length) continue;
    rows.push(m[2]!.split(/\s+/));
    lastEnd = m.index + m[0].length;
    if (rows.length === 10) {
      out.push({ square: rows.flat(), end: lastEnd });
      rows = [];
    }
    if (out.length >= 4) break;
  }
  return out;
}

/** Bifid ciphertext after a printed square, read back with the stated period (or none). */
export function bifidReadings(text: string): string[] {
  if (!/\bbifid\b/i.test(text)) return [];
  const squares = printedSquares(text);
  const out: string[] = [];
  squares.forEach(({ square, end }, k) => {
    const at = new Map(square.map((s, i) => [s, i]));
    const rest = text.slice(end, squares[k + 1]?.end ?? maxChars);
    const before = text.slice(Math.max(0, end - 1200), end);
    const period = /\bperiod\s{0,3}(?:of\s{1,3})?(\d{1,4})\b/i.exec(before + rest);
    for (const [run] of rest.matchAll(/\S{16,}/g)) {
      const symbols = [...run].filter((s) => at.has(s));
      if (symbols.length < run.length * 0.9) continue;
      for (const p of new Set([period ? Number(period[1]) : 0, 0, 5])) {
        const size = p > 0 ? p : symbols.length;
        let reading = '';
        for (let i = 0; i < symbols.length; i += size) {
          const block = symbols.slice(i, i + size);
          const digits = block.flatMap((s) => [Math.floor(at.get(s)! / 10), at.get(s)! % 10]);
          for (let j = 0; j < block.length; j++)
            reading += square[digits[j]! * 10 + digits[block.length + j]!] ?? '';
        }
        out.push(reading);
      }
    }
  });
  return out;
}

// --- XOR with a stated LFSR ---------------------------------------------------------------------

/** Keystreams of a register from `seed` with `taps`, the forms a reply writes (a byte a step). */
function lfsrStreams(seed: number, taps: number): (() => number)[] {
  const width = 32 - Math.clz32(taps);
  const galois = (after: boolean) => {
    let s = seed;
    return () => {
      const before = s & 0xff;
      const bit = s & 1;
      s >>>= 1;
      if (bit) s ^= taps;
      return after ? s & 0xff : before;
    };
  };
  const fibonacci = () => {
    let s = seed;
    return () => {
      let bit = s & taps;
      bit ^= bit >>> 16;
      bit ^= bit >>> 8;
      bit ^= bit >>> 4;
      bit ^= bit >>> 2;
      bit ^= bit >>> 1;
      s = (s >>> 1) | ((bit & 1) << (width - 1));
      return s & 0xff;
    };
  };
  // Eight steps a byte, its bits the register's low bit each step (first bit high).
  const bitwise = () => {
    const next = galois(false);
    return () => {
      let b = 0;
      for (let i = 0; i < 8; i++) b = (b << 1) | (next() & 1);
      return b;
    };
  };
  return [galois(true), galois(false), fibonacci(), bitwise()];
}

/**
 * Bytes (hex pairs or decimal numbers) after an LFSR's statement, XOR-ed back with its keystream:
 * each pair of the constants the statement gives (seed and taps, hex or decimal) in each usual form.
 */
export function lfsrReadings(text: string): string[] {
  const out: string[] = [];
  for (const segment of segments(text, /\b(?:lfsr|linear[- ]feedback)\b/gi, 4)) {
    const head = segment.text.slice(0, 800);
    const constants = [
      ...new Set([...head.matchAll(/\b(?:0x[0-9a-f]{1,8}|\d{2,10})\b/gi)].map((m) => Number(m[0]))),
    ]
      .filter((n) => n > 0 && n < 2 ** 32)
      .slice(0, 8);
    const hex = [...segment.text.matchAll(/(?:\b[0-9a-f]{2}\b[\s,:]{0,3}){16,}/gi)]
      .sort((a, b) => b[0].length - a[0].length)
      .slice(0, 2)
      .map((m) => (m[0].match(/[0-9a-f]{2}/gi) ?? []).map((h) => parseInt(h, 16)));
    const payloads = [
      ...hex,
      ...integerRuns(segment.text).filter((r) => r.every((v) => v >= 0 && v < 256)),
    ];
    for (const bytes of payloads.slice(0, 3))
      for (const taps of constants)
        for (const seed of constants) {
          if (seed === taps || taps < 0x10) continue;
          for (const next of lfsrStreams(seed, taps))
            out.push(
              Buffer.from(bytes.slice(0, maxChars).map((b) => b ^ next())).toString('latin1'),
            );
        }
  }
  return out;
}

// --- Stride permutation ---------------------------------------------------------------------------

const strideStatement =
  /\b(?:every\s{1,3}(\d{1,4})(?:st|nd|rd|th)?\s{1,3}(?:character|char|letter|symbol)|stride\s{0,3}(?:of\s{1,3})?(\d{1,4}))/gi;

/**
 * A payload after a stride's statement read back both ways (the k-th character of the copy is
 * character `k·stride mod n` of the code, or the other way round): the longest runs without
 * spaces after it, and the lines after a blank line.
 */
export function strideReadings(text: string): string[] {
  const out: string[] = [];
  for (const m of [...text.slice(0, maxChars).matchAll(strideStatement)].slice(0, 4)) {
    const stride = Number(m[1] ?? m[2]);
    if (stride < 2) continue;
    const rest = text.slice(m.index + m[0].length, m.index + maxChars);
    const runs = [...rest.matchAll(/\S{24,}/g)]
      .map((r) => r[0])
      .sort((a, b) => b.length - a.length)
      .slice(0, 2);
    const block = /\n[^\S\n]*\n([\s\S]+?)(?:\n[^\S\n]*\n|$)/.exec(rest)?.[1];
    for (const payload of block ? [...runs, block.trim()] : runs) {
      const chars = [...payload];
      const n = chars.length;
      const forward: string[] = [];
      const backward: string[] = [];
      chars.forEach((c, i) => {
        forward[(i * stride) % n] = c;
        backward[i] = chars[(i * stride) % n]!;
      });
      out.push(forward.join(''), backward.join(''));
    }
  }
  return out;
}

/** Every reading of a cipher whose key the text states. */
export function statedCipherReadings(text: string, keys = ''): string[] {
  return [
    ...homophonicReadings(text),
    ...hillReadings(text, keys),
    ...bifidReadings(text),
    ...lfsrReadings(text),
    ...strideReadings(text),
  ];
}
