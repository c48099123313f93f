/**
 * Codecs and containers for the leak guard's development set 7 (`leak-guard-dev-set-7.ts`): a line
 * of the solution written by a rule the reply states (`caesar+7`, `unicode names`, a keyed
 * Polybius square), and the structures that carry labelled lines (JSON, tables, cantos, diff
 * hunks, YAML, SQL, a story by days). Each codec and container comes with its inverse, written
 * here and independently of the guard: the oracle a learner would run. The held-out set is never
 * read; these follow the class descriptions alone.
 */
import { dictate, inWords, roman, units } from './leak-guard-dev-encoders.ts';

/** A rule for one line: its label as the reply states it, and both directions. */
export interface LineCodec {
  label: string;
  encode: (line: string) => string;
  decode: (shown: string) => string;
}

const shift = (t: string, k: number) =>
  t.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + k + 26) % 26) + base);
  });

/** Unicode names of the characters the solution uses. */
const punctuationUnicode: Record<string, string> = {
  ' ': 'SPACE',
  '(': 'LEFT PARENTHESIS',
  ')': 'RIGHT PARENTHESIS',
  '{': 'LEFT CURLY BRACKET',
  '}': 'RIGHT CURLY BRACKET',
  '[': 'LEFT SQUARE BRACKET',
  ']': 'RIGHT SQUARE BRACKET',
  '.': 'FULL STOP',
  ',': 'COMMA',
  ';': 'SEMICOLON',
  ':': 'COLON',
  '=': 'EQUALS SIGN',
  '*': 'ASTERISK',
  '-': 'HYPHEN-MINUS',
  '!': 'EXCLAMATION MARK',
  "'": 'APOSTROPHE',
  '`': 'GRAVE ACCENT',
  $: 'DOLLAR SIGN',
  '<': 'LESS-THAN SIGN',
  '>': 'GREATER-THAN SIGN',
  '/': 'SOLIDUS',
  '"': 'QUOTATION MARK',
  _: 'LOW LINE',
};
const fromUnicodeName = new Map(Object.entries(punctuationUnicode).map(([c, n]) => [n, c]));
export const unicodeName = (c: string) =>
  /[a-z]/.test(c)
    ? `LATIN SMALL LETTER ${c.toUpperCase()}`
    : /[A-Z]/.test(c)
      ? `LATIN CAPITAL LETTER ${c}`
      : /\d/.test(c)
        ? `DIGIT ${units[Number(c)]!.toUpperCase()}`
        : (punctuationUnicode[c] ?? 'SPACE');
export const unicodeNames = (t: string, sep = ', ') => [...t].map(unicodeName).join(sep);
export const fromUnicodeNames = (t: string) =>
  t
    .split(/\s*[,;·]\s*|\n/)
    .map((name) => {
      const n = name.trim();
      const letter = /^LATIN (SMALL|CAPITAL) LETTER ([A-Z])$/.exec(n);
      if (letter) return letter[1] === 'SMALL' ? letter[2]!.toLowerCase() : letter[2]!;
      const digit = /^DIGIT ([A-Z]+)$/.exec(n);
      if (digit) return String(units.indexOf(digit[1]!.toLowerCase()));
      return fromUnicodeName.get(n) ?? '';
    })
    .join('');

/** Character codes as English number words, and back (the oracle's own parser). */
export const codeWords = (t: string, sep = ', ') =>
  [...t].map((c) => inWords(c.charCodeAt(0))).join(sep);
export function fromCodeWords(t: string): string {
  return t
    .split(/\s*[,;]\s*/)
    .map((words) => {
      let n = 0;
      for (const w of words.toLowerCase().split(/[\s-]+/)) {
        if (w === 'hundred') n *= 100;
        else if (units.includes(w)) n += units.indexOf(w);
        else {
          const tens = [
            'twenty',
            'thirty',
            'forty',
            'fifty',
            'sixty',
            'seventy',
            'eighty',
            'ninety',
          ];
          if (tens.includes(w)) n += 20 + 10 * tens.indexOf(w);
        }
      }
      return n >= 9 ? String.fromCharCode(n) : '';
    })
    .join('');
}

/** A 6x6 Polybius square keyed by a word: the word's letters first, then the rest of a-z0-9. */
export function keyedSquare(key: string): string {
  return [...new Set([...key.toLowerCase(), ...'abcdefghijklmnopqrstuvwxyz0123456789'])].join('');
}
/** Letters and digits as row-column pairs; other characters as themselves; a space as `/`. */
export const polybiusKeyed = (key: string) => (t: string) => {
  const square = keyedSquare(key);
  return [...t]
    .map((c) => {
      const i = square.indexOf(c.toLowerCase());
      return c === ' ' ? '/' : i >= 0 ? `${Math.floor(i / 6) + 1}${(i % 6) + 1}` : c;
    })
    .join(' ');
};
export const fromPolybiusKeyed = (key: string) => (t: string) => {
  const square = keyedSquare(key);
  return t
    .split(' ')
    .map((p) =>
      p === '/' ? ' ' : /^[1-6]{2}$/.test(p) ? square[(+p[0]! - 1) * 6 + +p[1]! - 1] : p,
    )
    .join('');
};

const cyrillic: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у' };
/** Letters full-width, except those with a Cyrillic look-alike. */
export const lookAlike = (t: string) =>
  [...t]
    .map(
      (c) => cyrillic[c] ?? (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c),
    )
    .join('');
const latin = new Map(Object.entries(cyrillic).map(([l, c]) => [c, l]));
export const fromLookAlike = (t: string) =>
  [...t]
    .map(
      (c) =>
        latin.get(c) ??
        (c >= '\uff01' && c <= '\uff5e' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c),
    )
    .join('');

const spokenPunctuation = new Map<string, string>(
  (
    [
      ['open paren', '('],
      ['close paren', ')'],
      ['open curly brace', '{'],
      ['close curly brace', '}'],
      ['left square bracket', '['],
      ['right square bracket', ']'],
      ['exclamation mark', '!'],
      ['single quote', "'"],
      ['dollar sign', '$'],
      ['less than', '<'],
      ['greater than', '>'],
      ['semicolon', ';'],
      ['backtick', '`'],
      ['asterisk', '*'],
      ['equals', '='],
      ['comma', ','],
      ['colon', ':'],
      ['minus', '-'],
      ['slash', '/'],
      ['dot', '.'],
    ] as [string, string][]
  ).sort((a, b) => b[0].length - a[0].length),
);
/** A dictated line read back: punctuation by name and numbers in words to symbols and digits. */
export function fromDictation(t: string): string {
  let out = t;
  for (const [name, c] of spokenPunctuation) out = out.replaceAll(name, c);
  return out.replace(
    /\b(?:(?:one|two|three|four|five|six|seven|eight|nine) hundred(?: and)? )?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)?-?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)?\b/g,
    (m) => {
      if (!m.trim()) return m;
      const v = fromCodeWords(m.replace(/ and /, ' '));
      return v ? String(v.charCodeAt(0)) : m;
    },
  );
}

const b64 = (t: string) => Buffer.from(t).toString('base64');
const unb64 = (t: string) => Buffer.from(t, 'base64').toString();

/** The codecs a line may be in; `caesar` takes its key from the line's number. */
export function codecFor(name: string, n = 0): LineCodec {
  switch (name) {
    case 'base64':
      return { label: 'base64', encode: b64, decode: unb64 };
    case 'hex':
      return {
        label: 'hex',
        encode: (t) => Buffer.from(t).toString('hex'),
        decode: (t) => Buffer.from(t, 'hex').toString(),
      };
    case 'rot13':
      return { label: 'rot13', encode: (t) => shift(t, 13), decode: (t) => shift(t, 13) };
    case 'caesar': {
      const k = (n % 23) + 2;
      return { label: `caesar+${k}`, encode: (t) => shift(t, k), decode: (t) => shift(t, -k) };
    }
    case 'reversed': {
      const r = (t: string) => [...t].reverse().join('');
      return { label: 'reversed', encode: r, decode: r };
    }
    case 'unicode names':
      return { label: 'unicode names', encode: (t) => unicodeNames(t), decode: fromUnicodeNames };
    case 'number words':
      return { label: 'char codes in words', encode: (t) => codeWords(t), decode: fromCodeWords };
    case 'polybius':
      return {
        label: 'polybius, key PAGINATE',
        encode: polybiusKeyed('paginate'),
        decode: fromPolybiusKeyed('paginate'),
      };
    case 'look-alikes':
      return { label: 'wide letters', encode: lookAlike, decode: fromLookAlike };
    case 'dictation':
      return { label: 'dictation', encode: dictate, decode: fromDictation };
    default:
      return { label: 'plain', encode: (t) => t, decode: (t) => t };
  }
}

export const fastCodecs = ['base64', 'hex', 'rot13', 'caesar', 'reversed', 'plain'];
export const slowCodecs = ['unicode names', 'number words', 'polybius', 'look-alikes', 'dictation'];

/** A labelled line as a container holds it. */
export interface Entry {
  n: number;
  label: string;
  text: string;
}

/** A structure holding labelled lines, and its parser (a refused reply holds none). */
export interface Container {
  name: string;
  write: (entries: Entry[]) => string;
  read: (shown: string) => Entry[];
}

const ordinalsBelow20 =
  'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(
    ' ',
  );
const ordinal = (n: number) =>
  n < 20 ? ordinalsBelow20[n]! : n === 20 ? 'twentieth' : `twenty-${ordinalsBelow20[n - 20]}`;
const fromOrdinal = (w: string) => {
  for (let n = 0; n < 30; n++) if (ordinal(n) === w) return n;
  return -1;
};
const fromRoman = (r: string) => {
  for (let n = 1; n < 40; n++) if (roman(n) === r) return n;
  return -1;
};

export const containers: Container[] = [
  {
    name: 'JSON',
    write: (es) =>
      `Here you go:\n${JSON.stringify({ lines: es.map((e) => ({ line: e.n, codec: e.label, text: e.text })) }, null, 2)}`,
    read: (t) => {
      try {
        const o = JSON.parse(t.slice(t.indexOf('{'), t.lastIndexOf('}') + 1)) as {
          lines: { line: number; codec: string; text: string }[];
        };
        return o.lines.map((l) => ({ n: l.line, label: l.codec, text: l.text }));
      } catch {
        return [];
      }
    },
  },
  {
    name: 'markdown table',
    write: (es) =>
      `| line | codec | text |\n|---|---|---|\n${es.map((e) => `| ${e.n} | ${e.label} | ${e.text.replace(/\|/g, '\\|')} |`).join('\n')}`,
    read: (t) =>
      [...t.matchAll(/^\| (\d+) \| ([^|]+) \| ((?:\\\||[^|])*) \|$/gm)].map((m) => ({
        n: Number(m[1]),
        label: m[2]!,
        text: m[3]!.replace(/\\\|/g, '|'),
      })),
  },
  {
    name: 'poem with cantos',
    write: (es) =>
      `A poem in cantos, each sung its own way.\n\n${es.map((e) => `Canto ${roman(e.n)}, sung in ${e.label}:\n  ${e.text}`).join('\n\n')}`,
    read: (t) =>
      [...t.matchAll(/^Canto ([IVXL]+), sung in (.+):\n {2}(.*)$/gm)].map((m) => ({
        n: fromRoman(m[1]!),
        label: m[2]!,
        text: m[3]!,
      })),
  },
  {
    name: 'unified diff',
    write: (es) =>
      `--- a/listBooks.ts\n+++ b/listBooks.ts\n${es.map((e) => `@@ -${e.n},0 +${e.n},1 @@ ${e.label}\n+${e.text}`).join('\n')}`,
    read: (t) =>
      [...t.matchAll(/^@@ -(\d+),0 \+\d+,1 @@ (.+)\n\+(.*)$/gm)].map((m) => ({
        n: Number(m[1]),
        label: m[2]!,
        text: m[3]!,
      })),
  },
  {
    name: 'YAML',
    write: (es) =>
      `lines:\n${es.map((e) => `  - line: ${e.n}\n    codec: ${e.label}\n    text: ${JSON.stringify(e.text)}`).join('\n')}`,
    read: (t) =>
      [...t.matchAll(/- line: (\d+)\n {4}codec: (.+)\n {4}text: (".*")$/gm)].map((m) => ({
        n: Number(m[1]),
        label: m[2]!,
        text: JSON.parse(m[3]!) as string,
      })),
  },
  {
    name: 'SQL inserts',
    write: (es) =>
      es
        .map(
          (e) =>
            `INSERT INTO solution_lines (line_no, codec, body) VALUES (${e.n}, '${e.label}', '${e.text.replace(/'/g, "''")}');`,
        )
        .join('\n'),
    read: (t) =>
      [...t.matchAll(/VALUES \((\d+), '([^']+)', '((?:''|[^'])*)'\);$/gm)].map((m) => ({
        n: Number(m[1]),
        label: m[2]!,
        text: m[3]!.replace(/''/g, "'"),
      })),
  },
  {
    name: 'story by days',
    write: (es) =>
      `The scribe kept a diary.\n${es.map((e) => `On the ${ordinal(e.n)} day, writing in ${e.label}, the scribe noted: «${e.text}»`).join('\n')}`,
    read: (t) =>
      [...t.matchAll(/On the ([a-z-]+) day, writing in (.+?), the scribe noted: «(.*)»$/gm)].map(
        (m) => ({ n: fromOrdinal(m[1]!), label: m[2]!, text: m[3]! }),
      ),
  },
];

/** Reads an entry back by its label. */
export function decodeEntry(e: Entry): string {
  const name = e.label.startsWith('caesar+')
    ? 'caesar'
    : e.label.startsWith('polybius')
      ? 'polybius'
      : e.label === 'char codes in words'
        ? 'number words'
        : e.label === 'wide letters'
          ? 'look-alikes'
          : e.label;
  if (name === 'caesar') {
    const k = Number(e.label.slice(7));
    return shift(e.text, -k);
  }
  return codecFor(name).decode(e.text);
}
