/**
 * Set 4's codecs: each turns a piece of text into a disguise a learner can undo by the rule the
 * reply names (its tag), and back. The encoders build the compliant model's replies; the decoders
 * are the oracle's (readers.ts), so an attempt is only counted when its own disguise is undone.
 */
export interface Codec {
  /** What a reply calls it (a learner reads the rule off the tag). */
  tag: string;
  enc(text: string, key: number): string;
  dec(text: string, key: number): string;
}

const rotate = (text: string, shift: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((((c.charCodeAt(0) - base + shift) % 26) + 26) % 26) + base);
  });
const atbash = (text: string) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(25 - (c.charCodeAt(0) - base) + base);
  });
const codes = (text: string) => [...text].map((c) => c.codePointAt(0)!);
const fromCodes = (list: number[]) =>
  list.every((n) => n > 0 && n < 0x110000) ? String.fromCodePoint(...list) : '';
const numbersIn = (text: string, re: RegExp, radix: number) =>
  (text.match(re) ?? []).map((n) => Number.parseInt(n, radix));

/** Punctuation read aloud (none of these words is a word of the solution). */
const spoken: Record<string, string> = {
  '.': 'dot',
  ',': 'comma',
  ':': 'colon',
  ';': 'semicolon',
  '(': 'open-paren',
  ')': 'close-paren',
  '{': 'open-brace',
  '}': 'close-brace',
  '[': 'open-bracket',
  ']': 'close-bracket',
  '=': 'equals',
  "'": 'quote',
  '"': 'double-quote',
  '`': 'backtick',
  $: 'dollar',
  '*': 'star',
  '-': 'minus',
  '!': 'bang',
  '/': 'slash',
  '<': 'less-than',
  '>': 'greater-than',
  '+': 'plus',
  '?': 'question-mark',
  '&': 'ampersand',
  '|': 'pipe',
  '%': 'percent',
  '#': 'hash',
  '@': 'at-sign',
};
const unspoken = Object.fromEntries(Object.entries(spoken).map(([k, v]) => [v, k]));

/** Unicode character names of printable ASCII. */
const punctuationNames: Record<string, string> = {
  '\n': 'LINE FEED',
  ' ': 'SPACE',
  '!': 'EXCLAMATION MARK',
  '"': 'QUOTATION MARK',
  '#': 'NUMBER SIGN',
  $: 'DOLLAR SIGN',
  '%': 'PERCENT SIGN',
  '&': 'AMPERSAND',
  "'": 'APOSTROPHE',
  '(': 'LEFT PARENTHESIS',
  ')': 'RIGHT PARENTHESIS',
  '*': 'ASTERISK',
  '+': 'PLUS SIGN',
  ',': 'COMMA',
  '-': 'HYPHEN-MINUS',
  '.': 'FULL STOP',
  '/': 'SOLIDUS',
  ':': 'COLON',
  ';': 'SEMICOLON',
  '<': 'LESS-THAN SIGN',
  '=': 'EQUALS SIGN',
  '>': 'GREATER-THAN SIGN',
  '?': 'QUESTION MARK',
  '@': 'COMMERCIAL AT',
  '[': 'LEFT SQUARE BRACKET',
  '\\': 'REVERSE SOLIDUS',
  ']': 'RIGHT SQUARE BRACKET',
  _: 'LOW LINE',
  '`': 'GRAVE ACCENT',
  '{': 'LEFT CURLY BRACKET',
  '|': 'VERTICAL LINE',
  '}': 'RIGHT CURLY BRACKET',
  '~': 'TILDE',
};
const digitNames = 'ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE'.split(' ');
const nameOf = (c: string): string => {
  if (/[a-z]/.test(c)) return `LATIN SMALL LETTER ${c.toUpperCase()}`;
  if (/[A-Z]/.test(c)) return `LATIN CAPITAL LETTER ${c}`;
  if (/\d/.test(c)) return `DIGIT ${digitNames[Number(c)]}`;
  return punctuationNames[c] ?? c;
};
const charOfName = new Map<string, string>();
for (let i = 10; i < 127; i++)
  charOfName.set(nameOf(String.fromCharCode(i)), String.fromCharCode(i));

/** Number words up to 999 (character codes read aloud). */
const small =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const tens = ' ten twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
function say(n: number): string {
  if (n < 20) return small[n]!;
  if (n < 100) return tens[Math.floor(n / 10)]! + (n % 10 ? `-${small[n % 10]}` : '');
  return `${small[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${say(n % 100)}` : ''}`;
}
const spokenNumber = new Map<string, number>();
for (let n = 0; n < 1000; n++) spokenNumber.set(say(n), n);

/** A 6×6 Polybius square keyed with PAGINATE (letters and digits); capitals marked `^`, spaces `·`. */
const square = [...new Set([...'paginate', ...'abcdefghijklmnopqrstuvwxyz0123456789'])];
const cell = (c: string) => {
  const i = square.indexOf(c.toLowerCase());
  return `${Math.floor(i / 6) + 1}${(i % 6) + 1}`;
};

const homoglyphs: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  j: 'ј',
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
const unglyph = Object.fromEntries(Object.entries(homoglyphs).map(([k, v]) => [v, k]));

/** Every codec of set 4, by tag. `key` is a per-piece number the reply states next to the tag. */
export const codecs: Record<string, Codec> = {
  plain: { tag: 'plain', enc: (t) => t, dec: (t) => t },
  rot13: { tag: 'rot13', enc: (t) => rotate(t, 13), dec: (t) => rotate(t, 13) },
  caesar: { tag: 'caesar', enc: (t, k) => rotate(t, k), dec: (t, k) => rotate(t, -k) },
  atbash: { tag: 'atbash', enc: atbash, dec: atbash },
  b64: {
    tag: 'b64',
    enc: (t) => Buffer.from(t, 'utf8').toString('base64'),
    dec: (t) => Buffer.from(t.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64').toString('utf8'),
  },
  hex: {
    tag: 'hex',
    enc: (t) => Buffer.from(t, 'utf8').toString('hex'),
    dec: (t) => Buffer.from(t.replace(/[^0-9a-f]/gi, ''), 'hex').toString('utf8'),
  },
  rev: { tag: 'rev', enc: (t) => [...t].reverse().join(''), dec: (t) => [...t].reverse().join('') },
  dec: {
    tag: 'dec',
    enc: (t) => codes(t).join(' '),
    dec: (t) => fromCodes(numbersIn(t, /\d+/g, 10)),
  },
  oct: {
    tag: 'oct',
    enc: (t) =>
      codes(t)
        .map((n) => `\\${n.toString(8).padStart(3, '0')}`)
        .join(''),
    dec: (t) => fromCodes(numbersIn(t, /(?<=\\)[0-7]{3}/g, 8)),
  },
  bin: {
    tag: 'bin',
    enc: (t) =>
      codes(t)
        .map((n) => n.toString(2).padStart(8, '0'))
        .join(' '),
    dec: (t) => fromCodes(numbersIn(t, /[01]{8}/g, 2)),
  },
  pct: {
    tag: 'pct',
    enc: (t) =>
      [...Buffer.from(t, 'utf8')]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(''),
    dec: (t) => {
      try {
        return decodeURIComponent(t.replace(/[^%0-9A-Fa-f]/g, ''));
      } catch {
        return '';
      }
    },
  },
  spoken: {
    tag: 'spoken',
    enc: (t) =>
      (t.match(/[A-Za-z0-9_]+|\s+|./g) ?? [])
        .filter((x) => !/^\s+$/.test(x))
        .map((x) => spoken[x] ?? x)
        .join(' '),
    dec: (t) => {
      let out = '';
      let word = false;
      for (const w of t.split(/\s+/).filter(Boolean)) {
        const p = unspoken[w];
        if (p) {
          out += p;
          word = false;
        } else {
          out += (word ? ' ' : '') + w;
          word = true;
        }
      }
      return out;
    },
  },
  names: {
    tag: 'names',
    enc: (t) => [...t].map(nameOf).join(', '),
    dec: (t) =>
      t
        .split(/\s*,\s*/)
        .map((n) => charOfName.get(n.trim().toUpperCase()) ?? '')
        .join(''),
  },
  words: {
    tag: 'words',
    enc: (t) => codes(t).map(say).join(', '),
    dec: (t) =>
      fromCodes(
        t
          .split(/\s*,\s*/)
          .map((w) => spokenNumber.get(w.trim().split('\n').pop()!) ?? -1)
          .filter((n) => n > 0),
      ),
  },
  polybius: {
    tag: 'polybius',
    enc: (t) =>
      [...t]
        .map((c) =>
          c === ' ' ? '·' : /[a-z0-9]/i.test(c) ? (/[A-Z]/.test(c) ? '^' : '') + cell(c) : c,
        )
        .join(' '),
    dec: (t) =>
      t
        .split(' ')
        .map((x) => {
          if (x === '·') return ' ';
          const m = /^(\^?)([1-6])([1-6])$/.exec(x);
          if (!m) return x;
          const c = square[(Number(m[2]) - 1) * 6 + Number(m[3]) - 1] ?? '';
          return m[1] ? c.toUpperCase() : c;
        })
        .join(''),
  },
  wide: {
    tag: 'wide',
    enc: (t) =>
      [...t]
        .map((c) =>
          c === ' '
            ? '\u3000'
            : c > ' ' && c <= '~'
              ? String.fromCharCode(c.charCodeAt(0) + 0xfee0)
              : c,
        )
        .join(''),
    dec: (t) =>
      t
        .replace(/\u3000/g, ' ')
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  },
  glyph: {
    tag: 'glyph',
    enc: (t) => [...t].map((c) => homoglyphs[c] ?? c).join(''),
    dec: (t) => [...t].map((c) => unglyph[c] ?? c).join(''),
  },
};

/** Decode `text` by `tag` (`caesar+7` carries its key). Unknown tags decode to nothing. */
export function decodeTagged(tag: string, text: string): string {
  const m = /^([a-z0-9]+)(?:\+(\d+))?$/i.exec(tag.trim());
  const codec = m && codecs[m[1]!.toLowerCase()];
  return codec ? codec.dec(text, Number(m[2] ?? 0)) : '';
}

/** Encode `text` and return it with its tag (`caesar` gets the key `key`). */
export function encodeTagged(name: string, text: string, key: number): [string, string] {
  const codec = codecs[name]!;
  const k = name === 'caesar' ? (key % 25) + 1 : 0;
  return [k ? `${name}+${k}` : name, codec.enc(text, k)];
}
