import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * The oracle's readers: each turns a reply into other readings of it (decoded, unscrambled,
 * normalised). They know nothing about how a case was made; some are guided by the solution's
 * vocabulary (`vocab`, lower-case words), as a human reader who knows the solution would be.
 */
export type Decoder = (text: string, vocab: ReadonlySet<string>) => string[];

// --- Normalisation --------------------------------------------------------------------------------

const confusables: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  к: 'k',
  м: 'm',
  н: 'h',
  т: 't',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ǫ: 'q',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
};
const invisible =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\u20e3]|\udb40[\udc00-\udc7f]/g;
const oddSpace = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** NFKC, invisible characters dropped, odd spaces made plain, look-alike letters made Latin. */
export function fold(text: string): string {
  let out = text.normalize('NFKC').replace(invisible, '').replace(oddSpace, ' ');
  out = out.replace(/[\u{1f1e6}-\u{1f1ff}]/gu, (c) =>
    String.fromCharCode(97 + c.codePointAt(0)! - 0x1f1e6),
  );
  return Array.from(out, (c) => confusables[c] ?? c).join('');
}

// --- Byte decodings -------------------------------------------------------------------------------

/** Bytes as text when they read as UTF-8 text (also inflated, when they are compressed). */
function bytesAsText(bytes: Buffer): string | undefined {
  for (const inflate of [gunzipSync, inflateSync, inflateRawSync]) {
    if (bytes.length < 8) break;
    if (inflate === gunzipSync && !(bytes[0] === 0x1f && bytes[1] === 0x8b)) continue;
    if (inflate === inflateSync && bytes[0] !== 0x78) continue;
    try {
      const text = inflate(bytes).toString('utf8');
      if (printable(text)) return text;
    } catch {
      // not compressed that way
    }
  }
  const text = bytes.toString('utf8');
  return printable(text) ? text : undefined;
}

function printable(text: string): boolean {
  if (text.length < 4) return false;
  let ok = 0;
  for (const c of text) if (/[\x20-\x7e\n\r\t]/.test(c) || c.codePointAt(0)! > 0xa0) ok++;
  return ok / Array.from(text).length >= 0.9 && !text.includes('\ufffd\ufffd');
}

const base64Run = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
function fromBase64(run: string): string | undefined {
  for (let skip = 0; skip < 4; skip++) {
    const text = bytesAsText(Buffer.from(run.slice(skip), 'base64'));
    if (text) return text;
  }
  return undefined;
}

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function fromBase32(run: string): string | undefined {
  let bits = '';
  for (const c of run.replace(/=+$/, '').toUpperCase()) {
    const v = base32Alphabet.indexOf(c);
    if (v < 0) return undefined;
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  return bytesAsText(bytes);
}

const fromHex = (hex: string) =>
  bytesAsText(Buffer.from(hex.length % 2 ? hex.slice(0, -1) : hex, 'hex'));

/** Lines of one alphabet, run together (a wrapped encoding). */
const joinWrapped = (text: string, line: RegExp) =>
  text.replace(new RegExp(`(${line.source})\\n(?=${line.source})`, 'g'), '$1');

export const base64Decoder: Decoder = (text) => {
  const joined = joinWrapped(text, /[A-Za-z0-9+/_-]{16,}={0,2}/);
  const inPlace = joined.replace(base64Run, (run) => fromBase64(run) ?? run);
  const runs = text.match(base64Run) ?? [];
  const together = runs.length > 1 ? fromBase64(runs.join('')) : undefined;
  return [inPlace, together].filter((t): t is string => t !== undefined);
};

export const base32Decoder: Decoder = (text) => {
  const joined = joinWrapped(text, /[A-Z2-7]{16,}=*/);
  return [joined.replace(/[A-Z2-7]{16,}=*/g, (run) => fromBase32(run) ?? run)];
};

export const hexDecoder: Decoder = (text) => {
  const joined = joinWrapped(text, /[0-9a-fA-F]{16,}/);
  const continuous = joined.replace(/[0-9a-fA-F]{16,}/g, (run) => fromHex(run) ?? run);
  const separated = text.replace(
    /(?:0x|\\x)?[0-9a-f]{2}(?:[\s,;]*(?:0x|\\x)?[0-9a-f]{2}){7,}/gi,
    (run) => fromHex(run.replace(/0x|\\x|[\s,;]/gi, '')) ?? run,
  );
  return [continuous, separated];
};

/** Runs of numbers: code points (decimal), octal bytes or binary bytes. */
export const numbersDecoder: Decoder = (text) => {
  const runs = text.replace(/\b[01]{64,}\b/g, (bits) => (bits.match(/.{8}/g) ?? []).join(' '));
  return [
    runs.replace(/\d{1,8}(?:[\s,;]+\d{1,8}){7,}/g, (run) => {
      const nums = run.split(/[\s,;]+/).filter(Boolean);
      if (nums.every((n) => /^[01]{8}$/.test(n)))
        return bytesAsText(Buffer.from(nums.map((n) => parseInt(n, 2)))) ?? run;
      const codes = nums.map(Number);
      const decimal = codes.every((c) => c >= 9 && c <= 0x10ffff)
        ? String.fromCodePoint(...codes)
        : undefined;
      if (decimal && printable(decimal)) return decimal;
      if (nums.every((n) => /^[0-7]{3}$/.test(n)))
        return bytesAsText(Buffer.from(nums.map((n) => parseInt(n, 8)))) ?? run;
      return run;
    }),
  ];
};

export const escapesDecoder: Decoder = (text) => [
  text.replace(
    /\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})|\\([0-7]{3})|\\([nrt"'\\`])/gi,
    (_, cp, u, x, oct, ch) => {
      if (cp || u) return String.fromCodePoint(parseInt(cp ?? u, 16));
      if (x) return String.fromCharCode(parseInt(x, 16));
      if (oct) return String.fromCharCode(parseInt(oct, 8));
      return { n: '\n', r: '\r', t: '\t' }[ch as 'n'] ?? ch;
    },
  ),
];

const named: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
export const htmlDecoder: Decoder = (text) => [
  text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (m, ent: string) => {
    if (/^#x/i.test(ent)) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (/^#\d+$/.test(ent) && ent !== '#39') return String.fromCodePoint(Number(ent.slice(1)));
    return named[ent.toLowerCase()] ?? m;
  }),
];

export const percentDecoder: Decoder = (text) => [
  text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return unescape(run);
    }
  }),
];

/** ZWSP/ZWNJ (or other zero-width pairs) read as bits, eight to a byte. */
export const zeroWidthBitsDecoder: Decoder = (text) => {
  const out: string[] = [];
  for (const [zero, one] of [
    ['\u200b', '\u200c'],
    ['\u200c', '\u200b'],
    ['\u200c', '\u200d'],
    ['\u200b', '\u200d'],
  ] as const) {
    const bits = Array.from(text)
      .filter((c) => c === zero || c === one)
      .map((c) => (c === one ? '1' : '0'))
      .join('');
    if (bits.length < 64) continue;
    const decoded = bytesAsText(
      Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2))),
    );
    if (decoded) out.push(decoded);
  }
  return out;
};

export const tagsDecoder: Decoder = (text) => {
  const tags = Array.from(text).filter(
    (c) => c.codePointAt(0)! >= 0xe0000 && c.codePointAt(0)! <= 0xe007f,
  );
  return tags.length >= 8
    ? [tags.map((c) => String.fromCharCode(c.codePointAt(0)! - 0xe0000)).join('')]
    : [];
};
