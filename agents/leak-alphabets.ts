/**
 * Alphabets for the leak guard's readings (`leak-readings.ts`): what a reader sees as Latin letters
 * (escapes, invisible characters, look-alikes, full-width and small capitals), letter ciphers
 * (ROT13, Atbash, ROT47), spoken code and letters spelt out (NATO, Morse, braille, flags, letter
 * names, leetspeak, pig latin). Each is one pass over the text.
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

/** Letters and digits only, lower-cased: what survives any spacing, punctuation or case trick. */
export const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Latin letters shifted back by `by` places (undoes a Caesar shift of `by`), case kept. */
export const shiftLetters = (text: string, by: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base - by + 52) % 26) + base);
  });

export const rot13 = (text: string) => shiftLetters(text, 13);

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
export function latinised(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u{1F130}-\u{1F189}]/gu, enclosedLetter)
    .replace(moreLookAlikePattern, (c) => moreLookAlikes[c] ?? c);
}

const flips: Readonly<Record<string, string>> = { n: 'u', u: 'n', d: 'p', p: 'd', b: 'q', q: 'b' };
/** Letters an upside-down rendering turns into other Latin letters (`n` for `u`, `d` for `p`). */
export const flipped = (text: string) => text.replace(/[nudpbq]/g, (c) => flips[c] ?? c);

export const atbash = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  });

export const rot47 = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(33 + ((c.charCodeAt(0) - 33 + 47) % 94)));

/**
 * Spoken code (`const page equals parse int open paren`, `q u e r y capital s`): the punctuation
 * and letter-case words taken out.
 */
export function unspoken(text: string): string {
  return text.replace(
    /\b(?:equals|open|close|left|right|paren|parens|parenthesis|bracket|brace|curly|square|semicolon|colon|comma|dot|period|quote|double|single|backtick|arrow|plus|minus|times|asterisk|star|slash|dollar|sign|exclamation|mark|bang|greater|less|than|newline|new line|space|tab|indent|capital|uppercase|upper|lowercase|lower|case|camel)\b/gi,
    ' ',
  );
}

const nato: Readonly<Record<string, string>> = Object.fromEntries(
  'alfa alpha bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray yankee zulu'
    .split(' ')
    .map((w) => [w, w === 'x-ray' ? 'x' : w[0]!]),
);
export const morse: Readonly<Record<string, string>> = Object.fromEntries(
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
export const leet: Readonly<Record<string, string>> = {
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
export function spelledLetters(text: string): string[] {
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
export function unPigLatinVowel(text: string): string {
  return text.replace(/\b([a-z]+)(?:w|y|h)ay\b/gi, '$1');
}

/** Pig latin undone word by word: `eturnray` → `return`, `ageway` → `wage`, `inputway` → `input`. */
export function unPigLatin(text: string): string {
  return text.replace(/\b([a-z]+?)([bcdfghjklmnpqrstvwxz]{0,3})ay\b/gi, (_m, rest, onset) =>
    onset ? `${onset}${rest}` : rest.replace(/w$/, ''),
  );
}
