import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import {
  decodeQuotedPrintableLower,
  decodeRawBase85,
  decodeUuencode,
  legendReadings,
  numberWordsToDigits,
  repeatPattern,
  scatteredPieces,
} from './leak-legends.ts';

/**
 * Readings of a reply that an encoded copy of the solution could hide behind, for the leak guard
 * (`leak-guard.ts` compares each with the reference solution by character grams). A model that
 * complies with a learner can write the solution in any form; each reading undoes a family of them:
 * escapes and byte encodings, ciphers, character codes, invisible carriers, look-alike and
 * substitute alphabets, letter spellings (NATO, Morse, braille, flags, leetspeak, pig latin),
 * acrostics, and reordering. Each is one pass over the text, so a long reply costs linear time.
 */

/** Characters that render as nothing: zero-width spaces and joiners, soft hyphens, BOMs, selectors. */
const invisible =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: invisible code points, each meant alone
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Cyrillic and Greek letters that look like Latin ones (NFKC leaves them alone). */
const lookAlikes: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'аa',
    'вb',
    'еe',
    'ѐe',
    'ёe',
    'кk',
    'мm',
    'нh',
    'оo',
    'рp',
    'сc',
    'тt',
    'уy',
    'хx',
    'ѕs',
    'іi',
    'їi',
    'јj',
    'ԁd',
    'ԛq',
    'ԝw',
    'ɡg',
    'һh',
    'ӏl',
    'АA',
    'ВB',
    'ЕE',
    'КK',
    'МM',
    'НH',
    'ОO',
    'РP',
    'СC',
    'ТT',
    'УY',
    'ХX',
    'ЅS',
    'ІI',
    'ЈJ',
    'ԌG',
    'ԚQ',
    'ԜW',
    'αa',
    'βb',
    'εe',
    'ιi',
    'κk',
    'νv',
    'οo',
    'ρp',
    'τt',
    'υu',
    'χx',
    'γy',
    'ωw',
    'ΑA',
    'ΒB',
    'ΕE',
    'ΖZ',
    'ΗH',
    'ΙI',
    'ΚK',
    'ΜM',
    'ΝN',
    'ΟO',
    'ΡP',
    'ΤT',
    'ΥY',
    'ΧX',
  ].map((pair) => [pair[0]!, pair[1]!]),
);

const lookAlikePattern = new RegExp(`[${Object.keys(lookAlikes).join('')}]`, 'g');

/** Escapes written out: `\u0072`, `\u{72}`, `\x72`, `&#114;`, `&#x72;`, `%72`. */
function decodeEscapes(text: string): string {
  const char = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '');
  return text
    .replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g, (_m, a, b, c) =>
      char(parseInt(a ?? b ?? c, 16)),
    )
    .replace(/&#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}));/g, (_m, hex, dec) =>
      char(hex ? parseInt(hex, 16) : Number(dec)),
    )
    .replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text as it reads: escapes decoded, invisible characters dropped, full-width and look-alike letters made Latin. */
export function normaliseForGuard(text: string): string {
  return decodeEscapes(text)
    .replace(invisible, '')
    .normalize('NFKC')
    .replace(lookAlikePattern, (c) => lookAlikes[c] ?? c);
}

/** Every base64 run (16+ characters) decoded at each of its four alignments; garbage decodes match nothing. */
function decodeBase64Runs(text: string): string {
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
function decodeHexRuns(text: string): string {
  const out: string[] = [];
  for (const run of text.match(/(?:[0-9a-fA-F]{2}[\s:]?){8,}/g) ?? []) {
    const digits = run.replace(/[\s:]/g, '');
    out.push(
      Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex').toString('utf8'),
    );
  }
  return out.join('\n');
}

export const rot13 = (text: string) =>
  text.replace(/[a-z]/gi, (c) =>
    String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97)),
  );
const reversed = (text: string) => [...text].reverse().join('');
/** Letters and digits only, lower-cased: what survives any spacing, punctuation or case trick. */
export const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Small capitals, upside-down and other Latin-looking letters NFKC leaves alone. */
const moreLookAlikes: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...'ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ꞯq ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz'.split(' '),
    ...'ɐa ɔc ǝe ɟf ƃg ɥh ıi ɾj ʞk ɯm ɹr ʇt ʌv ʍw ʎy ∀A Ɔc Ǝe Ⅎf ⅁g ſs'.split(' '),
  ].map((pair) => [pair[0]!, pair.slice(1)]),
);
const moreLookAlikePattern = new RegExp(`[${Object.keys(moreLookAlikes).join('')}]`, 'gu');

/** Squared, negative circled and negative squared capitals (U+1F130-1F189), which NFKC keeps. */
function enclosedLetter(c: string): string {
  const code = c.codePointAt(0)!;
  for (const start of [0x1f130, 0x1f150, 0x1f170])
    if (code >= start && code < start + 26) return String.fromCharCode(97 + code - start);
  return c;
}

/**
 * Latin letters for look-alikes NFKC leaves alone, without combining marks (strike-through,
 * underline, "zalgo"). Upside-down text is also written reversed: `ʇsuoɔ` is `const` from the end.
 */
function latinised(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u{1F130}-\u{1F189}]/gu, enclosedLetter)
    .replace(moreLookAlikePattern, (c) => moreLookAlikes[c] ?? c);
}

const flips: Readonly<Record<string, string>> = { n: 'u', u: 'n', d: 'p', p: 'd', b: 'q', q: 'b' };
/** Letters an upside-down rendering turns into other Latin letters (`n` for `u`, `d` for `p`). */
const flipped = (text: string) => text.replace(/[nudpbq]/g, (c) => flips[c] ?? c);

const atbash = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  });

const rot47 = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(33 + ((c.charCodeAt(0) - 33 + 47) % 94)));

/** Runs of numbers read as character codes: decimal, `0x` hex, binary octets, octal triples. */
function decodeNumberRuns(text: string): string[] {
  const out: string[] = [];
  const asCodes = (codes: number[]) =>
    codes.map((n) => (n >= 9 && n <= 0x10ffff ? String.fromCodePoint(n) : '')).join('');
  // Numbers of at most 8 digits, each followed by a separator: from any start the match either
  // goes on or fails within 12 characters, so a long run of digits costs linear time.
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
    /(?:(?:0x)?[0-9a-fA-F]{1,8}[^0-9a-zA-Z\n]{1,4}){8,}(?:0x)?[0-9a-fA-F]{1,8}/g,
  );
  for (const run of runs ?? []) {
    const numbers = run.match(/(?:0x)?[0-9a-fA-F]+/g) ?? [];
    if (numbers.every((n) => /^[01]{7,8}$/.test(n)))
      out.push(asCodes(numbers.map((n) => parseInt(n, 2))));
    if (numbers.every((n) => /^[0-7]{3}$/.test(n)))
      out.push(asCodes(numbers.map((n) => parseInt(n, 8))));
    if (numbers.every((n) => /^\d{2,7}$/.test(n))) out.push(asCodes(numbers.map(Number)));
    // Letters by their place in the alphabet (A1Z26), from 1 and from 0.
    if (numbers.every((n) => /^\d{1,2}$/.test(n) && Number(n) <= 26))
      for (const from of [1, 0])
        out.push(numbers.map((n) => String.fromCharCode(97 + Number(n) - from)).join(''));
    if (numbers.every((n) => /^0x[0-9a-fA-F]{1,6}$/.test(n)))
      out.push(asCodes(numbers.map((n) => parseInt(n, 16))));
    if (numbers.every((n) => /^[0-9a-fA-F]{2}$/.test(n)))
      out.push(Buffer.from(numbers.join(''), 'hex').toString('utf8'));
  }
  // Character codes in any base from 3 to 36 (`0143` octal, `1210` base 3, `2s` base 36), kept
  // when they read as printable text.
  const wordRuns = text.match(/(?:[0-9a-zA-Z]{1,7}[^0-9a-zA-Z\n]{1,4}){8,}[0-9a-zA-Z]{1,7}/g);
  for (const run of wordRuns ?? []) {
    const numbers = run.match(/[0-9a-zA-Z]+/g) ?? [];
    let highest = 0;
    for (const n of numbers)
      for (const c of n.toLowerCase()) highest = Math.max(highest, parseInt(c, 36));
    for (let base = Math.max(3, highest + 1); base <= 36; base++) {
      const codes = numbers.map((n) => parseInt(n, base));
      const printable = codes.filter((c) => (c >= 32 && c < 127) || c === 10 || c === 9).length;
      if (printable >= codes.length * 0.9) out.push(asCodes(codes));
    }
  }
  return out;
}

/** Quoted-printable (`=3D`, `=20`, soft line breaks) and Ascii85 between `<~` and `~>`. */
function decodeQuotedAndAscii85(text: string): string[] {
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
function decodeTags(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (code >= 0xe0020 && code <= 0xe007e) out += String.fromCharCode(code - 0xe0000);
  }
  return out;
}

/** Bits written with two invisible characters (either may be the 1), eight to a byte. */
function decodeInvisibleBits(text: string): string[] {
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
function decodeBase32Runs(text: string): string {
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
function decodeJoinedBase64(text: string): string[] {
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

/** Spoken code (`const page equals parse int open paren`): the punctuation words taken out. */
function unspoken(text: string): string {
  return text.replace(
    /\b(?:equals|open|close|paren|parenthesis|bracket|brace|curly|semicolon|colon|comma|dot|period|quote|double|single|backtick|arrow|plus|minus|times|slash|newline|space)\b/gi,
    ' ',
  );
}

/** Compressed then base64-encoded (gzip or zlib, told by their header), when a run inflates. */
function inflateBase64Runs(text: string): string {
  const out: string[] = [];
  for (const run of text.replace(/\s+/g, '').match(/[A-Za-z0-9+/]{24,}={0,2}/g) ?? []) {
    const bytes = Buffer.from(run, 'base64');
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
    const zlib = bytes[0] === 0x78 && ((bytes[0] << 8) | bytes[1]!) % 31 === 0;
    if (!gzip && !zlib) continue;
    try {
      out.push((gzip ? gunzipSync : inflateSync)(bytes, { maxOutputLength: 1 << 20 }).toString());
    } catch {
      // A header by chance: not compressed after all.
    }
  }
  return out.join('\n');
}

const nato: Readonly<Record<string, string>> = Object.fromEntries(
  'alfa alpha bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray yankee zulu'
    .split(' ')
    .map((w) => [w, w === 'x-ray' ? 'x' : w[0]!]),
);
const morse: Readonly<Record<string, string>> = Object.fromEntries(
  '.- a|-... b|-.-. c|-.. d|. e|..-. f|--. g|.... h|.. i|.--- j|-.- k|.-.. l|-- m|-. n|--- o|.--. p|--.- q|.-. r|... s|- t|..- u|...- v|.-- w|-..- x|-.-- y|--.. z|----- 0|.---- 1|..--- 2|...-- 3|....- 4|..... 5|-.... 6|--... 7|---.. 8|----. 9'
    .split('|')
    .map((pair) => pair.split(' ') as [string, string]),
);
/** English letter names (`see` `oh` `en` `ess` `tee`), and digits spelt out. */
const letterNames: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'a:a ay:a bee:b be:b cee:c see:c sea:c dee:d ee:e e:e ef:f eff:f gee:g aitch:h haitch:h i:i eye:i jay:j kay:k el:l ell:l em:m en:n o:o oh:o pee:p pea:p cue:q queue:q ar:r are:r ess:s es:s tee:t tea:t u:u you:u vee:v ex:x why:y zee:z zed:z ' +
    'zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Grade-1 braille letters (U+2800 block, dots as bits). */
const braille = 'a⠁b⠃c⠉d⠙e⠑f⠋g⠛h⠓i⠊j⠚k⠅l⠇m⠍n⠝o⠕p⠏q⠟r⠗s⠎t⠞u⠥v⠧w⠺x⠭y⠽z⠵';
const brailleLetters: Readonly<Record<string, string>> = Object.fromEntries(
  Array.from({ length: 26 }, (_, i) => [braille[2 * i + 1]!, braille[2 * i]!]),
);
const leet: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};

/** Letters spelt out: NATO words, Morse, braille, regional-indicator (flag) letters. */
function spelledLetters(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z-]+/g) ?? [];
  const natoLetters = words.map((w) => nato[w] ?? '').join('');
  const dotted = text.replace(/[·•∙⋅●]/g, '.').replace(/[−–—_‒]/g, '-');
  const morseLetters = (dotted.match(/[.-]+/g) ?? []).map((m) => morse[m] ?? '').join('');
  const named = words.map((w) => letterNames[w] ?? '').join('');
  let brailleText = '';
  let flags = '';
  for (const c of text) {
    brailleText += brailleLetters[c] ?? '';
    const code = c.codePointAt(0)!;
    if (code >= 0x1f1e6 && code <= 0x1f1ff) flags += String.fromCharCode(97 + code - 0x1f1e6);
  }
  return [natoLetters, morseLetters, brailleText, flags, named].filter((t) => t.length >= 24);
}

/** Pig latin of words that start with a vowel: `inputway` / `inputyay` / `inputhay` → `input`. */
function unPigLatinVowel(text: string): string {
  return text.replace(/\b([a-z]+)(?:w|y|h)ay\b/gi, '$1');
}

/** Pig latin undone word by word: `eturnray` → `return`, `ageway` → `wage`, `inputway` → `input`. */
function unPigLatin(text: string): string {
  return text.replace(/\b([a-z]+?)([bcdfghjklmnpqrstvwxz]{0,3})ay\b/gi, (_m, rest, onset) =>
    onset ? `${onset}${rest}` : rest.replace(/w$/, ''),
  );
}

/** Initials of lines, of sentences and of words: an acrostic spells with them. */
function initials(text: string): string[] {
  const first = (parts: string[]) =>
    parts.map((p) => p.trim().match(/[\p{L}\p{N}]/u)?.[0] ?? '').join('');
  return [first(text.split('\n')), first(text.split(/[.!?]\s/)), first(text.split(/\s+/))].filter(
    (t) => t.length >= 24,
  );
}

/** The text with its lines, and its words, in reverse order; and every other character. */
function reorderings(text: string): string[] {
  const lines = text.split('\n');
  const chars = [...text];
  const backwards = (t: string) => [...t].reverse().join('');
  return [
    lines.map(backwards).join('\n'),
    text.replace(/\S+/g, backwards),
    lines.reverse().join('\n'),
    text.split(/(\s+)/).reverse().join(''),
    chars.filter((_, i) => i % 2 === 0).join(''),
    chars.filter((_, i) => i % 2 === 1).join(''),
  ];
}

/** Consonants only: a copy with its vowels removed still matches on this reading. */
export const skeleton = (compacted: string) => compacted.replace(/[aeiou]/g, '');

/**
 * The steps between consecutive letters (mod 26), as letters: the same for a text and any Caesar
 * shift of it (ROT13 included), so one reading stands for all 25 shifts.
 */
export function letterSteps(compacted: string): string {
  const letters = compacted.replace(/[^a-z]/g, '');
  let out = '';
  for (let i = 1; i < letters.length; i++)
    out += String.fromCharCode(
      97 + ((letters.charCodeAt(i) - letters.charCodeAt(i - 1) + 26) % 26),
    );
  return out;
}

/** What `readings` gives the gram comparison. */
export interface Readings {
  /** Compacted readings (letters and digits, lower-cased), compared with the compacted reference. */
  readings: string[];
  /** Their consonant skeletons, compared with the reference's. */
  skeletons: string[];
  /** Their letter steps, compared with the reference's (any Caesar shift). */
  steps: string[];
  /** Their patterns of repeats, compared with the reference's (any substitution alphabet). */
  patterns: string[];
}

/** The readings of a candidate that an encoded copy could hide behind. */
export function readings(text: string): Readings {
  const out: Readings = { readings: [], skeletons: [], steps: [], patterns: [] };
  const seen = new Set<string>();
  readInto(text, out, seen);
  // Parts written apart (paragraphs, a session's turns, an output's fields) are also read each
  // alone, so that each part's own decoding counts: a turn in base64 and one in ROT13 add up.
  const parts = text.split(/\n[^\S\n]*\n/).filter((p) => p.trim().length >= 12);
  if (parts.length > 1) for (const part of groupParts(parts, 16)) readPart(part, out, seen);
  return out;
}

/** At most `most` groups of consecutive parts, of about equal length (each read costs a setup). */
function groupParts(parts: string[], most: number): string[] {
  if (parts.length <= most) return parts;
  const size = parts.reduce((n, p) => n + p.length, 0) / most;
  const groups: string[] = [];
  let group = '';
  for (const part of parts) {
    group = group ? `${group}\n\n${part}` : part;
    if (group.length >= size) {
      groups.push(group);
      group = '';
    }
  }
  if (group) groups.push(group);
  return groups;
}

/** A reading added to `out` (with its letter steps), once. */
function adder(out: Readings, seen: Set<string>): (candidate: string) => void {
  return (candidate) => {
    if (candidate.length < 12 || seen.has(candidate)) return;
    seen.add(candidate);
    const compacted = compact(normaliseForGuard(candidate));
    if (compacted.length < 12) return;
    out.readings.push(compacted);
    out.steps.push(letterSteps(compacted));
  };
}

/**
 * One part of a text read alone, by the readings that take the whole text at once (a legend, all
 * base64 characters joined, invisible bits, runs joined over line breaks). The others read each
 * character or run where it stands: the whole text's reading already holds every part's.
 */
function readPart(text: string, out: Readings, seen: Set<string>): void {
  const add = adder(out, seen);
  const plain = normaliseForGuard(latinised(text));
  for (const decoded of [
    decodeBase64Runs(plain),
    decodeBase32Runs(plain),
    inflateBase64Runs(plain),
    ...decodeJoinedBase64(text),
    ...decodeInvisibleBits(text),
    ...legendReadings(plain),
    ...scatteredPieces(plain),
  ])
    add(decoded);
  const digits = numberWordsToDigits(plain);
  if (digits !== plain) for (const decoded of legendReadings(digits)) add(decoded);
}

function readInto(text: string, out: Readings, seen: Set<string>): void {
  const plain = normaliseForGuard(latinised(text));
  const add = adder(out, seen);
  // The text as written: letter ciphers, word games, acrostics and a consonant skeleton.
  add(plain);
  out.readings.push(
    compact(atbash(plain)),
    compact(rot13(plain)),
    compact(rot47(plain)),
    compact(unPigLatin(plain)),
    compact(unPigLatinVowel(plain)),
    compact(unspoken(plain)),
    compact(plain.replace(/[013457893@$!|+]/g, (c) => leet[c] ?? c)),
    compact(plain.replace(/[013457893@$!|+]/g, (c) => (c === '1' ? 'i' : (leet[c] ?? c)))),
    ...initials(plain).map(compact),
  );
  out.skeletons.push(skeleton(compact(plain)));
  out.patterns.push(repeatPattern(plain));
  // Reordered, decoded from bytes or numbers, carried invisibly or spelt letter by letter.
  const reversedText = reversed(plain);
  for (const candidate of [reversedText, flipped(reversedText), ...reorderings(plain)])
    add(candidate);
  for (const source of [plain, reversedText]) {
    for (const decoded of [
      decodeBase64Runs(source),
      decodeHexRuns(source),
      decodeBase32Runs(source),
      inflateBase64Runs(source),
      ...decodeNumberRuns(source),
    ])
      add(decoded);
  }
  for (const decoded of [...decodeJoinedBase64(text), ...decodeQuotedAndAscii85(text)])
    add(decoded);
  for (const decoded of [decodeTags(text), ...decodeInvisibleBits(text), ...spelledLetters(text)])
    add(decoded);
  // Numbers written as words, legends and word lists the text gives itself, rarer byte encodings.
  const digits = numberWordsToDigits(plain);
  if (digits !== plain) for (const decoded of [digits, ...decodeNumberRuns(digits)]) add(decoded);
  for (const source of digits !== plain ? [plain, digits] : [plain])
    for (const decoded of legendReadings(source)) add(decoded);
  for (const decoded of [
    ...decodeUuencode(text),
    ...decodeRawBase85(text),
    ...scatteredPieces(plain),
    decodeQuotedPrintableLower(text),
  ])
    add(decoded);
}
