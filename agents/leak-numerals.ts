/**
 * Numerals and rarer radix encodings for the leak guard's readings (`leak-readings.ts`): character
 * codes as Roman numerals or as digit words (`one zero four`), base58, and EBCDIC (code page 037)
 * bytes. Each is one pass over the text (base58 over runs of bounded length).
 */

const romanValues: Readonly<Record<string, number>> = {
  i: 1,
  v: 5,
  x: 10,
  l: 50,
  c: 100,
  d: 500,
  m: 1000,
};

/** The value of a Roman numeral written in canonical form, or undefined. */
function romanValue(word: string): number | undefined {
  if (
    word.length > 12 ||
    !/^m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/.test(word)
  )
    return undefined;
  let total = 0;
  for (let i = 0; i < word.length; i++) {
    const v = romanValues[word[i]!]!;
    const next = romanValues[word[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total || undefined;
}

const asCode = (n: number) => (n >= 9 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/**
 * Runs of eight or more Roman numerals (any separators between them) read as character codes:
 * `CIV CXI` is `ho`. A word that is not a numeral ends the run.
 */
export function decodeRomanRuns(text: string): string[] {
  const out: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 8) out.push(run.map(asCode).join(''));
    run = [];
  };
  for (const [word] of text.toLowerCase().matchAll(/[a-z0-9]+/g)) {
    const value = romanValue(word);
    if (value === undefined) flush();
    else run.push(value);
  }
  flush();
  return out;
}

const digitWords: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

/**
 * Numbers read digit by digit (`one zero four, one one one`, `one-zero-four one-one-one`): digit
 * words joined into one number over spaces and hyphens, and over hyphens only; numbers apart
 * wherever anything else stands between them. Each reading's numbers are space-separated, for the
 * character-code readings.
 */
export function digitWordNumbers(text: string): string[] {
  return [/^[ \t-]*$/, /^-$/].flatMap((joins) => {
    const numbers: string[] = [];
    let current = '';
    for (const [, word, between] of text.matchAll(/([A-Za-z]+)|([^A-Za-z]+)/g)) {
      const digit = word ? digitWords[word.toLowerCase()] : undefined;
      if (digit) current += digit;
      else if (word || !joins.test(between!)) {
        if (current) numbers.push(current);
        current = '';
      }
    }
    if (current) numbers.push(current);
    return numbers.length >= 8 ? [numbers.join(' ')] : [];
  });
}

const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const base58Digit = new Map([...base58Alphabet].map((c, i) => [c, BigInt(i)]));
/** Longest base58 run decoded: its cost grows with the square of its length. */
const maxBase58Run = 12_000;

/** One base58 run as bytes (leading `1`s are zero bytes), ten digits at a time. */
function base58Bytes(run: string): Buffer {
  let value = 0n;
  for (let i = 0; i < run.length; i += 10) {
    const chunk = run.slice(i, i + 10);
    let small = 0n;
    for (const c of chunk) small = small * 58n + base58Digit.get(c)!;
    value = value * 58n ** BigInt(chunk.length) + small;
  }
  const zeros = /^1*/.exec(run)![0].length;
  let hex = value ? value.toString(16) : '';
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.concat([Buffer.alloc(zeros), Buffer.from(hex, 'hex')]);
}

/**
 * Base58 (Bitcoin's alphabet) runs of 20+ characters, as written, with line breaks removed and
 * with all whitespace removed, decoded; a run longer than `maxBase58Run` is read from its start only.
 */
export function decodeBase58Runs(text: string): string[] {
  const out: string[] = [];
  // Wrapped in lines, or written in groups (`3yQ4 ZbH8`).
  const joined = text.replace(/\s*\n\s*/g, '');
  const grouped = text.replace(/\s+/g, '');
  for (const source of new Set([text, joined, grouped]))
    for (const [run] of source.matchAll(/[1-9A-HJ-NP-Za-km-z]{20,}/g))
      out.push(base58Bytes(run.slice(0, maxBase58Run)).toString('utf8'));
  return out;
}

/** Code page 037: letters, digits, space and line breaks (what the gram comparison reads). */
function ebcdicChar(byte: number): string {
  const hi = byte >> 4;
  const lo = byte & 15;
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  if (hi === 0x8 && lo >= 1 && lo <= 9) return lower[lo - 1]!;
  if (hi === 0x9 && lo >= 1 && lo <= 9) return lower[lo + 8]!;
  if (hi === 0xa && lo >= 2 && lo <= 9) return lower[lo + 16]!;
  if (hi === 0xc && lo >= 1 && lo <= 9) return lower[lo - 1]!.toUpperCase();
  if (hi === 0xd && lo >= 1 && lo <= 9) return lower[lo + 8]!.toUpperCase();
  if (hi === 0xe && lo >= 2 && lo <= 9) return lower[lo + 16]!.toUpperCase();
  if (hi === 0xf && lo <= 9) return String(lo);
  return byte === 0x25 || byte === 0x15 ? '\n' : ' ';
}

/** Bytes read as EBCDIC (code page 037) text. */
export function fromEbcdic(bytes: Iterable<number>): string {
  let out = '';
  for (const b of bytes) out += ebcdicChar(b);
  return out;
}
