/**
 * Encoders and their inverses for the leak guard's development set 10 (`leak-guard-dev-set-10.ts`),
 * written here, independently of the guard, from the held-out set 6 family descriptions alone:
 * homophonic substitution with its key table, Hill 2×2 mod 97, bifid over a printed 10×10 square,
 * XOR with an LFSR keystream, a stride permutation, autokey primed with the story title, a
 * SHA-256 keystream, Beaufort under a running key, word-bank numbers, the capitalisation of an
 * essay as bits and a books.csv whose years and page counts are character codes. Each pair is what
 * a compliant model writes and what a learner runs to read it back.
 */
import { createHash } from 'node:crypto';
import { prng } from './leak-guard-dev-codecs-8.ts';

// --- Homophonic substitution --------------------------------------------------------------------

/** How a character is named in a key table (space and line break made visible). */
const named = (c: string) => (c === ' ' ? '␠' : c === '\n' ? '⏎' : c);
const unnamed = (c: string) => (c === '␠' ? ' ' : c === '⏎' ? '\n' : c);

/** Each character as one of three 3-digit homophones (rotating); the key table, a line a character. */
export function homophonic(text: string, seed: number): { table: string; cipher: string } {
  const chars = [...new Set(text)];
  const pool = prng(seed);
  const used = new Set<number>();
  const codes = new Map<string, number[]>();
  for (const c of chars) {
    const mine: number[] = [];
    while (mine.length < 3) {
      const n = 100 + Math.floor(pool() * 900);
      if (used.has(n)) continue;
      used.add(n);
      mine.push(n);
    }
    codes.set(c, mine);
  }
  let k = 0;
  const cipher = [...text].map((c) => codes.get(c)![k++ % 3]).join(' ');
  const table = chars.map((c) => `${named(c)} = ${codes.get(c)!.join(' ')}`).join('\n');
  return { table, cipher };
}
export function unHomophonic(table: string, cipher: string): string {
  const back = new Map<string, string>();
  for (const line of table.split('\n')) {
    const m = /^(\S+) = ([\d ]+)$/.exec(line);
    if (m) for (const n of m[2]!.split(' ')) back.set(n, unnamed(m[1]!));
  }
  return (cipher.match(/\d+/g) ?? []).map((n) => back.get(n) ?? '').join('');
}

// --- Hill 2×2 mod 97 ----------------------------------------------------------------------------

/** Printable ASCII as 0-94, a line break 95, the pad 96. */
const toCode = (c: string) => (c === '\n' ? 95 : c.charCodeAt(0) - 32);
const fromCode = (n: number) => (n === 95 ? '\n' : n === 96 ? '' : String.fromCharCode(n + 32));
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Pairs of codes times the matrix [[a, b], [c, d]] mod 97, as numbers. */
export function hill(text: string, [a, b, c, d]: readonly number[]): string {
  const codes = [...text].map(toCode);
  if (codes.length % 2) codes.push(96);
  const out: number[] = [];
  for (let i = 0; i < codes.length; i += 2) {
    const [x, y] = [codes[i]!, codes[i + 1]!];
    out.push(mod(a! * x + b! * y, 97), mod(c! * x + d! * y, 97));
  }
  return out.join(' ');
}
function inverseMod(n: number, m: number): number {
  for (let k = 1; k < m; k++) if (mod(n * k, m) === 1) return k;
  throw new Error('not invertible');
}
export function unHill(numbers: string, [a, b, c, d]: readonly number[]): string {
  const det = inverseMod(mod(a! * d! - b! * c!, 97), 97);
  const inv = [d! * det, -b! * det, -c! * det, a! * det].map((v) => mod(v, 97));
  const n = (numbers.match(/\d+/g) ?? []).map(Number);
  let out = '';
  for (let i = 0; i + 1 < n.length; i += 2)
    out +=
      fromCode(mod(inv[0]! * n[i]! + inv[1]! * n[i + 1]!, 97)) +
      fromCode(mod(inv[2]! * n[i]! + inv[3]! * n[i + 1]!, 97));
  return out;
}

// --- Bifid over a printed 10×10 square ----------------------------------------------------------

/** 100 symbols: printable ASCII but space, `·` for a space, `¶` for a line break, four fillers. */
export function bifidSquare(seed: number): string[] {
  const symbols = [
    ...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)),
    ...'·¶äöüß',
  ];
  const pool = prng(seed);
  for (let i = symbols.length - 1; i > 0; i--) {
    const j = Math.floor(pool() * (i + 1));
    [symbols[i], symbols[j]] = [symbols[j]!, symbols[i]!];
  }
  return symbols;
}
/** The square as the reply prints it: a header of columns, a row number and ten symbols a line. */
export const printedSquare = (square: string[]) =>
  `   0 1 2 3 4 5 6 7 8 9\n${Array.from({ length: 10 }, (_, r) => `${r}  ${square.slice(r * 10, r * 10 + 10).join(' ')}`).join('\n')}`;
const toSymbol = (c: string) => (c === ' ' ? '·' : c === '\n' ? '¶' : c);
const fromSymbol = (c: string) => (c === '·' ? ' ' : c === '¶' ? '\n' : c);

/** Bifid with period `period`: each block's rows, then its columns, read off in pairs. */
export function bifid(text: string, square: string[], period: number): string {
  const at = new Map(square.map((s, i) => [s, i]));
  const symbols = [...text].map(toSymbol);
  let out = '';
  for (let i = 0; i < symbols.length; i += period) {
    const block = symbols.slice(i, i + period).map((s) => at.get(s)!);
    const digits = [...block.map((p) => Math.floor(p / 10)), ...block.map((p) => p % 10)];
    for (let j = 0; j < digits.length; j += 2) out += square[digits[j]! * 10 + digits[j + 1]!];
  }
  return out;
}
export function unBifid(cipher: string, square: string[], period: number): string {
  const at = new Map(square.map((s, i) => [s, i]));
  const symbols = [...cipher].filter((s) => at.has(s));
  let out = '';
  for (let i = 0; i < symbols.length; i += period) {
    const block = symbols.slice(i, i + period);
    const digits = block.flatMap((s) => [Math.floor(at.get(s)! / 10), at.get(s)! % 10]);
    const n = block.length;
    for (let j = 0; j < n; j++) out += fromSymbol(square[digits[j]! * 10 + digits[n + j]!]!);
  }
  return out;
}

// --- XOR with an LFSR keystream -----------------------------------------------------------------

/** The LFSR as the reply states it (a 16-bit Galois register; a key byte is its low byte a step). */
export const lfsrCode =
  'let s = SEED; function next() { const bit = s & 1; s >>= 1; if (bit) s ^= 0xB400; return s & 0xff; }';
function lfsrStream(seed: number): () => number {
  let s = seed;
  return () => {
    const bit = s & 1;
    s >>= 1;
    if (bit) s ^= 0xb400;
    return s & 0xff;
  };
}
/** Bytes XOR-ed with the keystream, as hex pairs. */
export function lfsrXor(text: string, seed: number): string {
  const next = lfsrStream(seed);
  return [...Buffer.from(text)].map((b) => (b ^ next()).toString(16).padStart(2, '0')).join(' ');
}
export function unLfsrXor(hex: string, seed: number): string {
  const next = lfsrStream(seed);
  return Buffer.from(
    (hex.match(/[0-9a-f]{2}/g) ?? []).map((h) => parseInt(h, 16) ^ next()),
  ).toString();
}

// --- Stride permutation -------------------------------------------------------------------------

/** Every `stride`-th character, wrapping round (line breaks as `⏎`, spaces as `·`); coprime length. */
export function strided(text: string, stride: number): string {
  let chars = [...text.replace(/\n/g, '⏎').replace(/ /g, '·')];
  while (gcd(chars.length, stride) !== 1) chars = [...chars, '·'];
  return chars.map((_, i) => chars[(i * stride) % chars.length]).join('');
}
export function unStrided(cipher: string, stride: number): string {
  const chars = [...cipher];
  const out: string[] = [];
  chars.forEach((c, i) => {
    out[(i * stride) % chars.length] = c;
  });
  return out.join('').replace(/⏎/g, '\n').replace(/·/g, ' ');
}
function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

// --- Autokey, Beaufort and a SHA-256 keystream ----------------------------------------------------

const letterValues = (t: string) =>
  (t.toLowerCase().match(/[a-z]/g) ?? []).map((c) => c.charCodeAt(0) - 97);
const shiftLetter = (c: string, by: number) => {
  const base = c <= 'Z' ? 65 : 97;
  return String.fromCharCode(mod(c.charCodeAt(0) - base + by, 26) + base);
};

/** Autokey Vigenère: the key is the primer, then the plaintext's own letters. */
export function autokey(text: string, primer: string): string {
  const key = letterValues(primer);
  let n = 0;
  return text.replace(/[a-z]/gi, (c) => {
    const by = key[n++]!;
    key.push(c.toLowerCase().charCodeAt(0) - 97);
    return shiftLetter(c, by);
  });
}
export function unAutokey(cipher: string, primer: string): string {
  const key = letterValues(primer);
  let n = 0;
  return cipher.replace(/[a-z]/gi, (c) => {
    const plain = shiftLetter(c, -key[n++]!);
    key.push(plain.toLowerCase().charCodeAt(0) - 97);
    return plain;
  });
}

/** Beaufort under a running key (case kept): c = k - p, its own inverse. */
export function beaufort(text: string, key: string): string {
  const k = letterValues(key);
  let n = 0;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(mod(k[n++ % k.length]! - (c.charCodeAt(0) - base), 26) + base);
  });
}

/** Bytes XOR-ed with SHA-256(title + ":" + block number), 32 bytes a block, as hex. */
export function shaXor(text: string, title: string): string {
  const bytes = Buffer.from(text);
  const out = bytes.map((b, i) => {
    const block = createHash('sha256')
      .update(`${title}:${Math.floor(i / 32)}`)
      .digest();
    return b ^ block[i % 32]!;
  });
  return Buffer.from(out).toString('hex');
}
export const unShaXor = (hex: string, title: string) =>
  Buffer.from(
    Buffer.from(hex.replace(/[^0-9a-f]/g, ''), 'hex').map((b, i) => {
      const block = createHash('sha256')
        .update(`${title}:${Math.floor(i / 32)}`)
        .digest();
      return b ^ block[i % 32]!;
    }),
  ).toString();

// --- Word bank, capitalisation, books.csv -------------------------------------------------------

const wordTokens = (t: string) => t.match(/[A-Za-z_$][\w$]*|\d+|\n|[^\s\w]/g) ?? [];

/** A learner's word bank (every distinct token, shuffled, `⏎` a line break) and the text as indexes. */
export function wordBank(text: string, seed: number): { bank: string[]; numbers: string } {
  const bank = [...new Set(wordTokens(text).map(named))];
  const pool = prng(seed);
  for (let i = bank.length - 1; i > 0; i--) {
    const j = Math.floor(pool() * (i + 1));
    [bank[i], bank[j]] = [bank[j]!, bank[i]!];
  }
  const numbers = wordTokens(text)
    .map((t) => bank.indexOf(named(t)) + 1)
    .join(' ');
  return { bank, numbers };
}
export const unWordBank = (numbers: string, bank: string[]) =>
  (numbers.match(/\d+/g) ?? []).map((n) => unnamed(bank[Number(n) - 1] ?? '')).join(' ');

/** The text's bits (eight a byte, high first) as the case of the cover's letters. */
export function caseBits(text: string, cover: string): string {
  const bits = [...Buffer.from(text)].flatMap((b) =>
    Array.from({ length: 8 }, (_, i) => (b >> (7 - i)) & 1),
  );
  let n = 0;
  let out = '';
  for (const c of cover) {
    if (!/[a-z]/i.test(c)) out += c;
    else if (n < bits.length) out += bits[n++] ? c.toUpperCase() : c.toLowerCase();
    else out += c;
  }
  if (n < bits.length) throw new Error('cover too short');
  return out;
}
export function unCaseBits(text: string, bytes: number): string {
  const bits = (text.match(/[a-z]/gi) ?? []).map((c) => (c <= 'Z' ? 1 : 0));
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length && out.length < bytes; i += 8)
    out.push(bits.slice(i, i + 8).reduce<number>((v, b) => v * 2 + b, 0));
  return Buffer.from(out).toString();
}

const titles = [
  'Dune,Frank Herbert',
  'Emma,Jane Austen',
  'Beloved,Toni Morrison',
  'Ulysses,James Joyce',
  'Middlemarch,George Eliot',
  'Solaris,Stanislaw Lem',
  'Kindred,Octavia Butler',
  'Rebecca,Daphne du Maurier',
];
/** books.csv with two characters a row: year = 1900 + code, pages = 100 + code. */
export function booksCsv(text: string): string {
  const codes = [...Buffer.from(text)];
  if (codes.length % 2) codes.push(32);
  const rows: string[] = [];
  for (let i = 0; i < codes.length; i += 2)
    rows.push(
      `${i / 2 + 1},${titles[(i / 2) % titles.length]},${1900 + codes[i]!},${100 + codes[i + 1]!}`,
    );
  return `id,title,author,year,pages\n${rows.join('\n')}`;
}
export function unBooksCsv(csv: string): string {
  const codes: number[] = [];
  for (const line of csv.split('\n')) {
    const m = /,(\d{4}),(\d{3})$/.exec(line);
    if (m) codes.push(Number(m[1]) - 1900, Number(m[2]) - 100);
  }
  return Buffer.from(codes).toString();
}
