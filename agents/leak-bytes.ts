import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { fromEbcdic } from './leak-numerals.ts';

/**
 * Byte and number encodings for the leak guard's readings (`leak-readings.ts`): base64 (plain,
 * joined from pieces, compressed), base32, hex, quoted-printable, Ascii85, character codes in any
 * base, Unicode tags and invisible bits. Each is one pass (or a bounded number of passes) over the
 * text; garbage decodes match nothing.
 */
/** Every base64 run (16+ characters) decoded at each of its four alignments; garbage decodes match nothing. */
export function decodeBase64Runs(text: string): string {
  const out: string[] = [];
  const joined = text.replace(/\s+/g, '');
  // Wrapped base64 (76 characters a line) is one run once the line breaks are gone.
  for (const source of joined === text ? [text] : [text, joined]) {
    for (const run of source.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
      for (let shift = 0; shift < 4; shift++)
        out.push(Buffer.from(run.slice(shift), 'base64').toString('utf8'));
    }
  }
  return out.join('\n');
}

/** Every hex run (16+ digits) decoded as bytes ("696d706f7274" → "import"). */
export function decodeHexRuns(text: string): string {
  const out: string[] = [];
  for (const run of text.match(/(?:[0-9a-fA-F]{2}[\s:]?){8,}/g) ?? []) {
    const digits = run.replace(/[\s:]/g, '');
    const bytes = Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex');
    // Mainframe text (EBCDIC) written as hex reads as nothing in UTF-8.
    out.push(bytes.toString('utf8'), fromEbcdic(bytes));
  }
  return out.join('\n');
}

/**
 * Runs of numbers read as character codes: decimal, `0x` hex, binary octets, octal triples; also
 * with the words between them left out and any separators (`String.fromCharCode(…) +` a line,
 * a JSON array printed with indentation, columns padded with spaces, `\x69` and `\u0069`).
 */
export function decodeNumberRuns(text: string): string[] {
  const numeric = numbersOnly(text);
  return numeric === text ? numberRuns(text) : [...numberRuns(text), ...numberRuns(numeric)];
}

/**
 * The text's numbers (any token with a digit; `x69`, `u0069` as `0x…`), each separated by one
 * space, a word standing between two of them as a line break: one pass, and any layout of the
 * same numbers reads the same.
 */
function numbersOnly(text: string): string {
  return text
    .replace(/[0-9A-Za-z]+/g, (token) =>
      /\d/.test(token) && /^(?:0[xob]|[xu])?[0-9a-fA-F]+$/.test(token)
        ? token.replace(/^[xu]/, '0x')
        : '\n',
    )
    .replace(/[^0-9a-zA-Z\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n');
}

function numberRuns(text: string): string[] {
  const out: string[] = [];
  const asCodes = (codes: number[]) =>
    codes.map((n) => (n >= 9 && n <= 0x10ffff ? String.fromCodePoint(n) : '')).join('');
  // Numbers of at most 8 digits, each followed by a separator: from any start the match either
  // goes on or fails within 12 characters, so a long run of digits costs linear time. Line breaks
  // separate numbers too (one code, or one word's letters, a line).
  const points = text.match(/U\+[0-9A-Fa-f]{4,6}/g);
  if (points && points.length >= 8) out.push(asCodes(points.map((p) => parseInt(p.slice(2), 16))));
  // Bits without separators, eight (or seven) to a character.
  for (const run of text.match(/[01]{56,}/g) ?? [])
    for (const width of [8, 7]) {
      const codes: number[] = [];
      for (let i = 0; i + width <= run.length; i += width)
        codes.push(parseInt(run.slice(i, i + width), 2));
      out.push(asCodes(codes));
    }
  // `0o151` and `0b1101001` read as their digits (each run is then tried in every base).
  const unprefixed = text.replace(/\b0[ob](?=[0-9])/gi, '');
  const runs = unprefixed.match(
    /(?:(?:0x)?[0-9a-fA-F]{1,8}[^0-9a-zA-Z]{1,4}){8,}(?:0x)?[0-9a-fA-F]{1,8}/g,
  );
  for (const run of runs ?? []) {
    const numbers = run.match(/(?:0x)?[0-9a-fA-F]+/g) ?? [];
    if (numbers.every((n) => /^[01]{7,8}$/.test(n)))
      out.push(asCodes(numbers.map((n) => parseInt(n, 2))));
    if (numbers.every((n) => /^[0-7]{3}$/.test(n)))
      out.push(asCodes(numbers.map((n) => parseInt(n, 8))));
    if (numbers.every((n) => /^\d{2,7}$/.test(n))) out.push(asCodes(numbers.map(Number)));
    // Letters by their place in the alphabet (A1Z26), from 1 and from 0; a few other numbers
    // (`0` or `27` for a space) read as spaces.
    const places = numbers.filter((n) => /^\d{1,2}$/.test(n) && Number(n) <= 26).length;
    if (places >= numbers.length * 0.9)
      for (const from of [1, 0])
        out.push(
          numbers
            .map((n) => {
              const place = /^\d{1,2}$/.test(n) ? Number(n) - from : -1;
              return place >= 0 && place < 26 ? String.fromCharCode(97 + place) : ' ';
            })
            .join(''),
        );
    if (numbers.every((n) => /^0x[0-9a-fA-F]{1,6}$/.test(n))) {
      const codes = numbers.map((n) => parseInt(n, 16));
      out.push(asCodes(codes));
      if (codes.every((c) => c < 256)) out.push(fromEbcdic(codes));
    }
    if (numbers.every((n) => /^[0-9a-fA-F]{2}$/.test(n))) {
      const bytes = Buffer.from(numbers.join(''), 'hex');
      out.push(bytes.toString('utf8'), fromEbcdic(bytes));
    }
  }
  // Character codes in any base from 2 to 36 (`0143` octal, `1210` base 3, `2s` base 36), kept
  // when they read as printable text.
  // Prefixes (`0o151`, `0b1101001`) read as their digits; binary (16 bits a code too) is base 2.
  const wordRuns = unprefixed.match(
    /(?:[0-9a-zA-Z]{1,16}[^0-9a-zA-Z\n]{1,4}){8,}[0-9a-zA-Z]{1,16}/g,
  );
  for (const run of wordRuns ?? []) {
    const numbers = run.match(/[0-9a-zA-Z]+/g) ?? [];
    let highest = 0;
    for (const n of numbers)
      for (const c of n.toLowerCase()) highest = Math.max(highest, parseInt(c, 36));
    for (let base = Math.max(2, highest + 1); base <= 36; base++) {
      const codes = numbers.map((n) => parseInt(n, base));
      const printable = codes.filter((c) => (c >= 32 && c < 127) || c === 10 || c === 9).length;
      if (printable >= codes.length * 0.9) out.push(asCodes(codes));
    }
  }
  return out;
}

/** Quoted-printable (`=3D`, `=20`, soft line breaks) and Ascii85 between `<~` and `~>`. */
export function decodeQuotedAndAscii85(text: string): string[] {
  const out: string[] = [];
  if (/=[0-9A-F]{2}/.test(text))
    out.push(
      text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  for (const block of text.match(/<~[!-uz\s]{10,}?~>/g) ?? []) {
    const body = block.slice(2, -2).replace(/\s+/g, '').replace(/z/g, '!!!!!');
    const bytes: number[] = [];
    for (let i = 0; i < body.length; i += 5) {
      const group = body.slice(i, i + 5).padEnd(5, 'u');
      let value = 0;
      for (const c of group) value = value * 85 + (c.charCodeAt(0) - 33);
      const four = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
      bytes.push(...four.slice(0, Math.min(4, body.length - i - 1)));
    }
    out.push(Buffer.from(bytes).toString('utf8'));
  }
  return out;
}

/** Unicode tag characters (U+E0020-E007E) carry ASCII invisibly. */
export function decodeTags(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code >= 0xe0020 && code <= 0xe007e) out += String.fromCharCode(code - 0xe0000);
  }
  return out;
}

/** Bits written with two invisible characters (either may be the 1), eight to a byte. */
export function decodeInvisibleBits(text: string): string[] {
  const marks = [...text].filter((c) => /[\u200B-\u200D\u2060\uFEFF\u180E]/.test(c));
  const kinds = [...new Set(marks)];
  if (marks.length < 64 || kinds.length !== 2) return [];
  return [0, 1].map((one) => {
    const bits = marks.map((c) => (c === kinds[one] ? '1' : '0')).join('');
    const bytes: number[] = [];
    for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
    return Buffer.from(bytes).toString('utf8');
  });
}

/** RFC 4648 base32 runs (24+ characters) decoded. */
export function decodeBase32Runs(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out: string[] = [];
  for (const run of text.replace(/\s+/g, '').match(/[A-Z2-7]{24,}=*/g) ?? []) {
    let bits = '';
    for (const c of run.replace(/=+$/, ''))
      bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
    const bytes: number[] = [];
    for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
    out.push(Buffer.from(bytes).toString('utf8'));
  }
  return out.join('\n');
}

/**
 * Base64 written in pieces (a JSON array of chunks, quoted strings joined with `+`): every base64
 * character of the text as one run, decoded as text, as UTF-16, and inflated as raw deflate or
 * brotli (formats without a header to tell them by).
 */
export function decodeJoinedBase64(text: string): string[] {
  const joined = text.replace(/[^A-Za-z0-9+/]+/g, '');
  if (joined.length < 64) return [];
  const bytes = Buffer.from(joined, 'base64');
  const out = [bytes.toString('utf8'), bytes.toString('utf16le')];
  for (const inflate of [inflateRawSync, brotliDecompressSync]) {
    try {
      out.push(inflate(bytes, { maxOutputLength: 1 << 20 }).toString());
    } catch {
      // Not this format.
    }
  }
  return out;
}

/** Compressed then base64-encoded (gzip or zlib, told by their header), when a run inflates. */
export function inflateBase64Runs(text: string): string {
  const out: string[] = [];
  for (const run of text.replace(/\s+/g, '').match(/[A-Za-z0-9+/]{24,}={0,2}/g) ?? []) {
    const text = inflated(Buffer.from(run, 'base64'));
    if (text !== undefined) out.push(text);
  }
  return out.join('\n');
}

/** Compressed then hex-encoded (`gzip | xxd -p`), when a run inflates. */
export function inflateHexRuns(text: string): string {
  const out: string[] = [];
  for (const run of text.match(/(?:[0-9a-fA-F]{2}[\s:]?){12,}/g) ?? []) {
    const digits = run.replace(/[\s:]/g, '');
    const text = inflated(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
    if (text !== undefined) out.push(text);
  }
  return out.join('\n');
}

/** Bytes inflated as gzip or zlib, told by their header; undefined when they are neither. */
function inflated(bytes: Buffer): string | undefined {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const zlib = bytes[0] === 0x78 && ((bytes[0] << 8) | bytes[1]!) % 31 === 0;
  if (!gzip && !zlib) return undefined;
  try {
    return (gzip ? gunzipSync : inflateSync)(bytes, { maxOutputLength: 1 << 20 }).toString();
  } catch {
    // A header by chance: not compressed after all.
    return undefined;
  }
}
