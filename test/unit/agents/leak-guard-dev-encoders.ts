/**
 * Encoders for the leak guard's development set (`leak-guard-dev-set.ts`, `-2.ts`): the story's
 * reference solution written in each disguise by small encoders written here, independently of
 * the guard. The held-out set is never read: the disguises follow the family descriptions alone.
 */
import { loadStory } from '../../../tools/story-loader.ts';

export const reference = loadStory('examples/stories/add-pagination.md').referenceSolution!;
export const solution = /```ts\n([\s\S]*?)```/.exec(reference)![1]!;
export const lines = solution.split('\n').filter((l) => l.trim());

export const tokensOf = (text: string) => text.match(/[A-Za-z_$][\w$]*|\d+|\S/g) ?? [];
export const units =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
export const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
/** 0-999 in words, with or without `and`. */
export function inWords(n: number, and = true): string {
  const below100 = (m: number) =>
    m < 20 ? units[m]! : `${tens[Math.floor(m / 10) - 2]}${m % 10 ? `-${units[m % 10]}` : ''}`;
  if (n < 100) return below100(n);
  const rest = n % 100;
  return `${units[Math.floor(n / 100)]} hundred${rest ? `${and ? ' and' : ''} ${below100(rest)}` : ''}`;
}
export const punctuationNames: Record<string, string> = {
  '(': 'open paren',
  ')': 'close paren',
  '{': 'open curly brace',
  '}': 'close curly brace',
  '[': 'left square bracket',
  ']': 'right square bracket',
  '.': 'dot',
  ',': 'comma',
  ';': 'semicolon',
  ':': 'colon',
  '=': 'equals',
  '*': 'asterisk',
  '-': 'minus',
  '!': 'exclamation mark',
  "'": 'single quote',
  '`': 'backtick',
  $: 'dollar sign',
  '<': 'less than',
  '>': 'greater than',
  '/': 'slash',
};
/** A line read aloud: identifiers as written, numbers as words, punctuation by name. */
export const dictate = (line: string) =>
  tokensOf(line)
    .map((t) => (/^\d+$/.test(t) ? inWords(Number(t)) : (punctuationNames[t] ?? t)))
    .join(' ');
/** A line's words only (identifiers split at camel case, lower case), as a sentence would say them. */
export const wordsOf = (line: string) =>
  (line.match(/[A-Za-z_$][\w$]*|\d+/g) ?? [])
    .map((w) => w.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');

export const morse: Record<string, string> = Object.fromEntries(
  'a.- b-... c-.-. d-.. e. f..-. g--. h.... i.. j.--- k-.- l.-.. m-- n-. o--- p.--. q--.- r.-. s... t- u..- v...- w.-- x-..- y-.-- z--.. 0----- 1.---- 2..--- 3...-- 4....- 5..... 6-.... 7--... 8---.. 9----.'
    .split(' ')
    .map((p) => [p[0]!, p.slice(1)]),
);
/** Morse of every letter and digit, letters apart by `sep`, words by `wordSep`. */
export const toMorse = (
  text: string,
  dot: string,
  dash: string,
  join: string,
  sep = ' ',
  wordSep = ' / ',
) =>
  (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) =>
      [...w].map((c) => [...morse[c]!].map((s) => (s === '.' ? dot : dash)).join(join)).join(sep),
    )
    .join(wordSep);

export const emojiAlphabet = [
  ...'🍎🍌🍇🍉🍓🍒🍑🍍🥝🥥🥑🍆🥕🌽🌶🥒🥦🍄🥜🌰🍞🥐🥖🥨🥞🧀🍖🍗🥩🥓🍔🍟🍕🌭🥪🌮🌯',
];
export function emojiLegend(text: string, layout: 'line' | 'table') {
  const chars = [...new Set(text.toLowerCase().match(/[a-z0-9]/g))];
  const key = new Map(chars.map((c, i) => [c, emojiAlphabet[i]!]));
  const body = text.toLowerCase().replace(/[a-z0-9]/g, (c) => key.get(c)!);
  const legend =
    layout === 'line'
      ? `Key: ${chars.map((c) => `${key.get(c)}=${c.toUpperCase()}`).join(' ')}`
      : `| emoji | letter |\n|---|---|\n${chars.map((c) => `| ${key.get(c)} | ${c.toUpperCase()} |`).join('\n')}`;
  return `${legend}\n\nMessage:\n${body}`;
}

export const square = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const polybius = (text: string, pair: (r: number, c: number) => string) =>
  (text.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .map((w) =>
      [...w]
        .map((c) => pair(Math.floor(square.indexOf(c) / 6) + 1, (square.indexOf(c) % 6) + 1))
        .join(' '),
    )
    .join(' / ');

export const roman = (n: number) => {
  let out = '';
  for (const [v, s] of [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ] as const)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
};
export const digitWords = (n: number) => [...String(n)].map((d) => units[Number(d)]).join(' ');

export function base85(text: string, alphabet: (d: number) => string): string {
  const bytes = Buffer.from(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (bytes[i + k] ?? 0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(alphabet(value % 85));
      value = Math.floor(value / 85);
    }
    out += digits.join('');
  }
  return out;
}
export const z85 =
  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
export function uuencode(text: string, header = true): string {
  const bytes = Buffer.from(text);
  const out: string[] = header ? ['begin 644 listBooks.ts'] : [];
  const ch = (n: number) => String.fromCharCode(n ? n + 32 : 96);
  for (let i = 0; i < bytes.length; i += 45) {
    const chunk = bytes.subarray(i, i + 45);
    let line = ch(chunk.length);
    for (let k = 0; k < chunk.length; k += 3) {
      const [a = 0, b = 0, c = 0] = [chunk[k], chunk[k + 1], chunk[k + 2]];
      line +=
        ch(a >> 2) + ch(((a & 3) << 4) | (b >> 4)) + ch(((b & 15) << 2) | (c >> 6)) + ch(c & 63);
    }
    out.push(line);
  }
  return header ? `${out.join('\n')}\n\`\nend` : out.join('\n');
}
export const quotedPrintable = (text: string) =>
  text
    .split('\n')
    .map((l) =>
      l
        .replace(/[=\u0080-\uffff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/.{73}(?!$)/g, '$&=\n'),
    )
    .join('\n');
export const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export function base58(text: string): string {
  let n = BigInt(`0x${Buffer.from(text).toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = base58Alphabet[Number(n % 58n)]! + out;
    n /= 58n;
  }
  return out;
}
/** Code page 037 for what the solution uses. */
export const ebcdic: Record<string, number> = {
  ' ': 0x40,
  '.': 0x4b,
  '<': 0x4c,
  '(': 0x4d,
  '+': 0x4e,
  '|': 0x4f,
  '&': 0x50,
  '!': 0x5a,
  $: 0x5b,
  '*': 0x5c,
  ')': 0x5d,
  ';': 0x5e,
  '-': 0x60,
  '/': 0x61,
  ',': 0x6b,
  '%': 0x6c,
  _: 0x6d,
  '>': 0x6e,
  '?': 0x6f,
  '`': 0x79,
  ':': 0x7a,
  '#': 0x7b,
  '@': 0x7c,
  "'": 0x7d,
  '=': 0x7e,
  '"': 0x7f,
  '[': 0xba,
  ']': 0xbb,
  '{': 0xc0,
  '}': 0xd0,
  '\n': 0x25,
};
export const toEbcdic = (text: string) =>
  [...text].map((c) => {
    if (ebcdic[c] !== undefined) return ebcdic[c]!;
    const lower = 'abcdefghijklmnopqrstuvwxyz';
    const i = lower.indexOf(c.toLowerCase());
    if (i >= 0) {
      const base = c === c.toLowerCase() ? 0x81 : 0xc1;
      return i < 9 ? base + i : i < 18 ? base + 0x10 + (i - 9) : base + 0x21 + (i - 18);
    }
    if (/\d/.test(c)) return 0xf0 + Number(c);
    return 0x40;
  });
export const utf16be = (text: string) => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return Buffer.from(le).swap16().toString('base64');
};

/** A fixed shuffle (the same every run): positions visited by a step prime to the length. */
export const shuffled = <T>(items: T[]) =>
  items.map((_, i) => items[(i * 37 + 11) % items.length]!);

export interface DevAttempt {
  family: string;
  name: string;
  /** One reply, or several turns (the last is the reply being guarded). */
  turns: string[];
}
export const one = (family: string, name: string, text: string): DevAttempt => ({
  family,
  name,
  turns: [text],
});

export const tokens = tokensOf(solution);
export const fifths = (n: number) => {
  const size = Math.ceil(solution.length / n);
  return Array.from({ length: n }, (_, i) => solution.slice(i * size, (i + 1) * size));
};

/** The solution's sorted token vocabulary (a legend's key: ids, code names). */
export const vocabulary = [...new Set(tokensOf(solution))].sort();

const codeNameList =
  'Falcon Otter Maple Cobalt Ember Willow Quartz Heron Juniper Lynx Saffron Tundra Marlin Cedar Onyx Pebble Raven Sable Thistle Umber Violet Walrus Yarrow Zephyr Aspen Birch Comet Dingo Egret Fjord Gecko Hazel Iris Jackal Kestrel Lotus Mango Nectar Orchid Puffin Quill Reed Sequoia Tapir Urchin Vole Wren Yak Zinnia Acorn Bison Cricket Dahlia Elk Fern Gull Holly Ibis Jade Koala Larch Moth Newt Osprey Panda Quince Robin Sparrow Teal Unicorn Viper Weasel Xerus Yew Zebu Alder Badger Canary Drake Eider Finch Grouse Hawk Impala Jay Kudu Lark Mink Nightjar Oriole Plover Quokka Rook Stoat Tern'.split(
    ' ',
  );

/** A code name for each token of the vocabulary (numbered once the names run out). */
export const codeOf = new Map(
  vocabulary.map((t, i) => [
    t,
    `${codeNameList[i % codeNameList.length]}${i >= codeNameList.length ? i : ''}`,
  ]),
);

/** The solution's lines with every token written as its code name. */
export const inCodeNames = lines
  .map((l) =>
    tokensOf(l)
      .map((t) => codeOf.get(t))
      .join(' '),
  )
  .join('\n');
