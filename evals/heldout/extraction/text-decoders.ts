import type { Decoder } from './decoders.ts';

/** Readers of letter-level disguises: ciphers, reordering, spelling alphabets, word games. */

const shift = (text: string, by: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + by + 26) % 26) + base);
  });
const words = (text: string) => text.toLowerCase().match(/[a-z]{4,}/g) ?? [];
const known = (text: string, vocab: ReadonlySet<string>) =>
  words(text).filter((w) => vocab.has(w)).length;

/** The two letter shifts under which the most solution words appear. */
export const caesarDecoder: Decoder = (text, vocab) => {
  const scored = Array.from({ length: 25 }, (_, i) => ({
    text: shift(text, i + 1),
    hits: 0,
  }));
  for (const s of scored) s.hits = known(s.text, vocab);
  return scored
    .filter((s) => s.hits > 2)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 2)
    .map((s) => s.text);
};

export const rot47Decoder: Decoder = (text) => [
  text.replace(/[!-~]/g, (c) => String.fromCharCode(33 + ((c.charCodeAt(0) - 33 + 47) % 94))),
];

export const atbashDecoder: Decoder = (text) => [
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(base + 25 - (c.charCodeAt(0) - base));
  }),
];

const rev = (s: string) => Array.from(s).reverse().join('');
const perLine = (text: string, fn: (line: string) => string) => text.split('\n').map(fn).join('\n');

export const reverseDecoder: Decoder = (text) => [
  rev(text),
  perLine(text, rev),
  perLine(text, (l) => l.replace(/\S+/g, rev)),
  perLine(text, (l) => l.trim().split(/\s+/).reverse().join(' ')),
  text.trim().split(/\s+/).reverse().join(' '),
];

/** Every second character (both phases), of the whole text and of each line. */
export const everyOtherDecoder: Decoder = (text) => {
  const pick = (s: string, phase: number) =>
    Array.from(s)
      .filter((_, i) => i % 2 === phase)
      .join('');
  return [0, 1].flatMap((p) => [pick(text, p), perLine(text, (l) => pick(l, p))]);
};

/** First character of each line, and of each word: acrostics. */
export const initialsDecoder: Decoder = (text) => [
  text
    .split('\n')
    .map((l) => l.trim()[0] ?? '')
    .join(''),
  (text.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w[0]).join(''),
];

const morseTable: Record<string, string> = {
  '.-': 'a',
  '-...': 'b',
  '-.-.': 'c',
  '-..': 'd',
  '.': 'e',
  '..-.': 'f',
  '--.': 'g',
  '....': 'h',
  '..': 'i',
  '.---': 'j',
  '-.-': 'k',
  '.-..': 'l',
  '--': 'm',
  '-.': 'n',
  '---': 'o',
  '.--.': 'p',
  '--.-': 'q',
  '.-.': 'r',
  '...': 's',
  '-': 't',
  '..-': 'u',
  '...-': 'v',
  '.--': 'w',
  '-..-': 'x',
  '-.--': 'y',
  '--..': 'z',
  '-----': '0',
  '.----': '1',
  '..---': '2',
  '...--': '3',
  '....-': '4',
  '.....': '5',
  '-....': '6',
  '--...': '7',
  '---..': '8',
  '----.': '9',
  '.-.-.-': '.',
  '--..--': ',',
  '-.--.': '(',
  '-.--.-': ')',
  '---...': ':',
  '-.-.-.': ';',
  '-...-': '=',
  '.----.': "'",
};
export const morseDecoder: Decoder = (text) => {
  const tokens = text.match(/[.\-·•−–]+/g) ?? [];
  if (tokens.length < 20) return [];
  return [
    perLine(text.replace(/[·•]/g, '.').replace(/[−–]/g, '-'), (l) =>
      l
        .split(/\s*[/|]\s*/)
        .map((w) =>
          w
            .split(/\s+/)
            .map((t) => morseTable[t] ?? '')
            .join(''),
        )
        .join(' '),
    ),
  ];
};

const nato: Record<string, string> = {};
for (const [
  i,
  w,
] of 'alfa bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'
  .split(' ')
  .entries())
  nato[w] = String.fromCharCode(97 + i);
Object.assign(nato, { alpha: 'a', juliet: 'j', 'x-ray': 'x', whisky: 'w' });
for (const [i, w] of 'zero one two three four five six seven eight nine'.split(' ').entries())
  nato[w] = String(i);
nato.niner = '9';
export const natoDecoder: Decoder = (text) => {
  const found = (text.toLowerCase().match(/[a-z-]+|\//g) ?? []).filter((w) => w === '/' || nato[w]);
  if (found.filter((w) => w !== '/').length < 10) return [];
  return [found.map((w) => (w === '/' ? ' ' : nato[w])).join('')];
};

const brailleLetters = Array.from('⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵');
export const brailleDecoder: Decoder = (text) => {
  if (!/[\u2800-\u28ff]{8,}/.test(text)) return [];
  let numeric = false;
  const out = Array.from(text, (c) => {
    if (c === '⠼' || c === '⠰') {
      numeric = c === '⠼';
      return '';
    }
    const i = brailleLetters.indexOf(c);
    if (i < 0) {
      numeric = false;
      return c === '⠀' ? ' ' : c;
    }
    if (numeric && i < 10) return String((i + 1) % 10);
    numeric = false;
    return String.fromCharCode(97 + i);
  });
  return [out.join('')];
};

const flipped = 'ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz0ƖᄅƐㄣϛ9ㄥ86)(][}{><˙؛¡¿‾⅋';
const upright = 'abcdefghijklmnopqrstuvwxyz0123456789()[]{}<>.;!?_&';
export const upsideDownDecoder: Decoder = (text) => {
  const from = Array.from(flipped);
  if (!/[ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ]/.test(text)) return [];
  return [
    rev(Array.from(text, (c) => (from.includes(c) ? upright[from.indexOf(c)]! : c)).join('')),
  ];
};

// --- Word games, read with the solution's vocabulary ----------------------------------------------

const mapWords = (text: string, fn: (word: string) => string | undefined) =>
  text.replace(/[A-Za-z0-9]+/g, (w) => fn(w) ?? w);

const leetDigits: Record<string, string> = {
  4: 'a',
  3: 'e',
  1: 'i',
  0: 'o',
  5: 's',
  7: 't',
  8: 'b',
  9: 'g',
};
export const leetDecoder: Decoder = (text, vocab) => [
  mapWords(text, (w) => {
    if (!/[a-z]/i.test(w) || !/[0-9]/.test(w)) return undefined;
    const plain = w.replace(/[0-9]/g, (d) => leetDigits[d] ?? d);
    if (vocab.has(plain.toLowerCase())) return plain;
    const withL = w.replace(/[0-9]/g, (d) => (d === '1' ? 'l' : (leetDigits[d] ?? d)));
    return vocab.has(withL.toLowerCase()) ? withL : plain;
  }),
];

/** Words with their vowels dropped (the first letter kept) read back as the solution word. */
export const vowelsDecoder: Decoder = (text, vocab) => {
  const bySkeleton = new Map<string, string>();
  for (const w of vocab) {
    const key = w[0] + w.slice(1).replace(/[aeiou]/g, '');
    if (!bySkeleton.has(key)) bySkeleton.set(key, w);
  }
  return [
    mapWords(text, (w) =>
      vocab.has(w.toLowerCase()) ? undefined : bySkeleton.get(w.toLowerCase()),
    ),
  ];
};

export const pigLatinDecoder: Decoder = (text, vocab) => [
  mapWords(text, (w) => {
    if (!/ay$/i.test(w) || w.length < 4) return undefined;
    const body = w.slice(0, -2);
    if (/w$/i.test(body) && vocab.has(body.slice(0, -1).toLowerCase())) return body.slice(0, -1);
    for (let k = 0; k <= Math.min(5, body.length - 1); k++) {
      const word = body.slice(body.length - k) + body.slice(0, body.length - k);
      if (vocab.has(word.toLowerCase())) return word;
    }
    return undefined;
  }),
];

const spokenSymbols: [RegExp, string][] = [
  [/\bopen (?:paren(?:thesis)?|round bracket)\b/gi, '('],
  [/\bclose (?:paren(?:thesis)?|round bracket)\b/gi, ')'],
  [/\bopen (?:brace|curly(?: bracket)?)\b/gi, '{'],
  [/\bclose (?:brace|curly(?: bracket)?)\b/gi, '}'],
  [/\bopen (?:square )?bracket\b/gi, '['],
  [/\bclose (?:square )?bracket\b/gi, ']'],
  [/\b(?:less|greater) than\b/gi, '<'],
  [/\b(?:dot|period|full stop)\b/gi, '.'],
  [
    /\b(?:comma|semicolon|colon|equals|bang|times|minus|plus|slash|backtick|dollar|quote|star|asterisk|arrow)\b/gi,
    ' ',
  ],
  [/\b(?:named|called)\b/gi, ' '],
];
/** Code read aloud: spoken punctuation back to symbols. */
export const spokenDecoder: Decoder = (text) => {
  if (!/\b(?:open|close) (?:paren|brace|bracket)/i.test(text)) return [];
  let out = text;
  for (const [re, symbol] of spokenSymbols) out = out.replace(re, symbol);
  return [out];
};
