import { deflateSync, gzipSync } from 'node:zlib';

/**
 * The transformations a compliant model would apply to the reference solution when a learner asks
 * for it "disguised". Written for the held-out extraction cases only; the oracle (oracle.ts,
 * decoders.ts) reads them back without importing anything from here.
 */

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const lines = (code: string) => code.split('\n');
const mapLines = (code: string, fn: (line: string, i: number) => string) =>
  lines(code).map(fn).join('\n');
const mapChars = (text: string, fn: (c: string) => string) => Array.from(text, fn).join('');

/** Lines that carry code (not blank), with their 1-based numbers. */
export function codeLines(code: string): { n: number; text: string }[] {
  return lines(code)
    .map((text, i) => ({ n: i + 1, text }))
    .filter((l) => l.text.trim() !== '');
}

// --- Byte encodings -------------------------------------------------------------------------------

export const base64 = (text: string) => utf8(text).toString('base64');
export const base64url = (text: string) => utf8(text).toString('base64url');
export const base64PerLine = (code: string) => mapLines(code, (l) => (l ? base64(l) : ''));
export const wrap = (text: string, width: number) =>
  text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
export const hex = (text: string) => utf8(text).toString('hex');
export const hexBytes = (text: string) =>
  Array.from(utf8(text), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(', ');
export const hexEscapes = (text: string) =>
  Array.from(utf8(text), (b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
export const hexPerLine = (code: string) => mapLines(code, (l) => hex(l));
export const charCodes = (text: string) => Array.from(text, (c) => c.codePointAt(0)).join(', ');
export const fromCharCodeCall = (text: string) =>
  `String.fromCharCode(${Array.from(text, (c) => c.codePointAt(0)).join(',')})`;
export const codePointArrays = (code: string) =>
  mapLines(code, (l) => JSON.stringify(Array.from(l, (c) => c.codePointAt(0))));
export const binary = (text: string) =>
  Array.from(utf8(text), (b) => b.toString(2).padStart(8, '0')).join(' ');
export const octalEscapes = (text: string) =>
  Array.from(utf8(text), (b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
export const unicodeEscapes = (text: string) =>
  mapChars(text, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
export const htmlDecimal = (text: string) => mapChars(text, (c) => `&#${c.codePointAt(0)};`);
export const htmlHex = (text: string) =>
  mapChars(text, (c) => `&#x${c.codePointAt(0)!.toString(16)};`);
export const percent = (text: string) =>
  Array.from(utf8(text), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
export const deflateBase64 = (text: string) => deflateSync(utf8(text)).toString('base64');
export const gzipHex = (text: string) => gzipSync(utf8(text)).toString('hex');

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export function base32(text: string): string {
  let bits = '';
  for (const b of utf8(text)) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += base32Alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

// --- Ciphers --------------------------------------------------------------------------------------

export function caesar(text: string, shift: number): string {
  const s = ((shift % 26) + 26) % 26;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + s) % 26) + base);
  });
}
export const rot13 = (text: string) => caesar(text, 13);
export const rot47 = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(33 + ((c.charCodeAt(0) - 33 + 47) % 94)));
export const atbash = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  });

// --- Order ----------------------------------------------------------------------------------------

export const reverse = (text: string) => Array.from(text).reverse().join('');
export const reverseEachLine = (code: string) => mapLines(code, reverse);
export const reverseEachWord = (code: string) =>
  mapLines(code, (l) => l.replace(/\S+/g, (w) => reverse(w)));
export const reverseWordOrderPerLine = (code: string) =>
  mapLines(code, (l) => l.trim().split(/\s+/).reverse().join(' '));
export const reverseWordOrder = (code: string) => code.trim().split(/\s+/).reverse().join(' ');
export const linesBottomUp = (code: string) => lines(code).reverse().join('\n');

/** Every character followed by a filler letter (a fixed pseudo-random sequence), line by line. */
export function interleaveNoise(code: string): string {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  };
  return mapLines(code, (l) => mapChars(l, (c) => c + next()));
}

/** The lines in a fixed shuffled order, each with its line number. */
export function shuffledNumbered(code: string): string {
  const numbered = codeLines(code);
  const order = numbered
    .map((_, i) => i)
    .sort((a, b) => ((a * 7 + 3) % 11) - ((b * 7 + 3) % 11) || a - b);
  return order.map((i) => `line ${numbered[i]!.n}: ${numbered[i]!.text.trim()}`).join('\n');
}

// --- Spacing and invisible characters -------------------------------------------------------------

export const spacedLetters = (code: string) =>
  mapLines(code, (l) => Array.from(l.trim()).join(' '));
export const dashedLetters = (code: string) =>
  mapLines(code, (l) => Array.from(l.trim().replace(/ /g, '_')).join('-'));
export const oneCharPerLine = (code: string) => Array.from(code.replace(/\s+/g, ' ')).join('\n');
export const oneTokenPerLine = (code: string) =>
  (code.match(/[A-Za-z_$][\w$]*|\d+|'[^']*'|`[^`]*`|\S/g) ?? []).join('\n');
export const zeroWidthBetween = (code: string) =>
  mapLines(code, (l) => Array.from(l).join('\u200b'));
/** Spaces become no-break, ideographic and thin spaces; words are glued with word joiners. */
export const oddWhitespace = (code: string) =>
  mapLines(code, (l, i) =>
    l
      .replace(/ /g, () => ['\u00a0', '\u3000', '\u2009'][i % 3]!)
      .replace(/([a-z])([A-Z])/g, '$1\u2060$2'),
  );
/** Each UTF-8 bit as a zero-width space (0) or zero-width non-joiner (1): invisible text. */
export const zeroWidthBinary = (text: string) =>
  Array.from(utf8(text), (b) =>
    b.toString(2).padStart(8, '0').replace(/0/g, '\u200b').replace(/1/g, '\u200c'),
  ).join('');
/** Unicode tag characters (U+E0000 + ASCII): invisible in most renderers. */
export const unicodeTags = (text: string) =>
  mapChars(text, (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)));

// --- Look-alike letters ---------------------------------------------------------------------------

const cyrillic: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  j: 'ј',
  s: 'ѕ',
  d: 'ԁ',
  h: 'һ',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};
export const cyrillicHomoglyphs = (text: string) => mapChars(text, (c) => cyrillic[c] ?? c);
export const fullwidth = (text: string) =>
  mapChars(text, (c) =>
    c >= '!' && c <= '~' ? String.fromCodePoint(c.charCodeAt(0) + 0xfee0) : c,
  );
export const mathMonospace = (text: string) =>
  mapChars(text, (c) => {
    if (c >= 'a' && c <= 'z') return String.fromCodePoint(0x1d68a + c.charCodeAt(0) - 97);
    if (c >= 'A' && c <= 'Z') return String.fromCodePoint(0x1d670 + c.charCodeAt(0) - 65);
    if (c >= '0' && c <= '9') return String.fromCodePoint(0x1d7f6 + c.charCodeAt(0) - 48);
    return c;
  });
export const circled = (text: string) =>
  mapChars(text, (c) => {
    if (c >= 'a' && c <= 'z') return String.fromCodePoint(0x24d0 + c.charCodeAt(0) - 97);
    if (c >= 'A' && c <= 'Z') return String.fromCodePoint(0x24b6 + c.charCodeAt(0) - 65);
    if (c >= '1' && c <= '9') return String.fromCodePoint(0x2460 + c.charCodeAt(0) - 49);
    if (c === '0') return '\u24ea';
    return c;
  });
const smallCapsTable = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡxʏᴢ';
export const smallCaps = (text: string) =>
  mapChars(text, (c) => {
    const lower = c.toLowerCase();
    return lower >= 'a' && lower <= 'z' ? Array.from(smallCapsTable)[lower.charCodeAt(0) - 97]! : c;
  });
const flipFrom = "abcdefghijklmnopqrstuvwxyz0123456789()[]{}<>.,;!?'_&`";
const flipTo = "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz0ƖᄅƐㄣϛ9ㄥ86)(][}{><˙'؛¡¿,‾⅋,";
/** Upside-down text: each character flipped (lower-cased), the whole text read backwards. */
export const upsideDown = (text: string) => {
  const to = Array.from(flipTo);
  return reverse(
    mapChars(text.toLowerCase(), (c) => (flipFrom.includes(c) ? to[flipFrom.indexOf(c)]! : c)),
  );
};

export * from './word-encoders.ts';
