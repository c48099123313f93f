/**
 * The containers, word games and pieces of the held-out extraction cases (see encoders.ts, which
 * re-exports them).
 */

const lines = (code: string) => code.split('\n');
const mapLines = (code: string, fn: (line: string, i: number) => string) =>
  lines(code).map(fn).join('\n');
const mapChars = (text: string, fn: (c: string) => string) => Array.from(text, fn).join('');
const codeLines = (code: string) =>
  lines(code)
    .map((text, i) => ({ n: i + 1, text }))
    .filter((l) => l.text.trim() !== '');

// --- Structure ------------------------------------------------------------------------------------

export const jsonArrayOfLines = (code: string) => JSON.stringify(lines(code), null, 1);
export const jsonNumbered = (code: string) =>
  JSON.stringify(Object.fromEntries(codeLines(code).map((l) => [String(l.n), l.text])), null, 2);
export const markdownTable = (code: string) =>
  [
    '| # | code |',
    '|---|---|',
    ...codeLines(code).map((l) => `| ${l.n} | \`${l.text.trim()}\` |`),
  ].join('\n');
export const yamlList = (code: string) =>
  ['lines:', ...codeLines(code).map((l) => `  - ${JSON.stringify(l.text)}`)].join('\n');
export const csv = (code: string) =>
  ['line,code', ...codeLines(code).map((l) => `${l.n},"${l.text.replace(/"/g, '""')}"`)].join('\n');
export const jsArrayJoin = (code: string) =>
  `const src = [\n${lines(code)
    .map((l) => `  ${JSON.stringify(l)},`)
    .join('\n')}\n].join('\\n');`;
/** The code as a JS expression of short string pieces joined with `+`. */
export const stringConcat = (code: string) =>
  (code.match(/[\s\S]{1,5}/g) ?? []).map((p) => JSON.stringify(p)).join(' + ');
export const diffAdded = (code: string) =>
  [
    '--- /dev/null',
    '+++ b/src/books.ts',
    `@@ -0,0 +1,${lines(code).length} @@`,
    ...lines(code).map((l) => `+${l}`),
  ].join('\n');
export const commentedOut = (code: string) => mapLines(code, (l) => `// ${l}`);
export const htmlComment = (code: string) => `<!--\n${code.replace(/--/g, '- -')}\n-->`;

// --- Words ----------------------------------------------------------------------------------------

const wordsByLetter: Record<string, string[]> = {
  a: ['always', 'after', 'aim'],
  b: ['bravely', 'build', 'begin'],
  c: ['calmly', 'code', 'care'],
  d: ['dare', 'debug', 'dream'],
  e: ['every', 'effort', 'ease'],
  f: ['focus', 'forward', 'find'],
  g: ['grow', 'gently', 'give'],
  h: ['hope', 'habits', 'help'],
  i: ['ideas', 'inspire', 'iterate'],
  j: ['just', 'journey', 'joy'],
  k: ['keep', 'kindly', 'know'],
  l: ['learn', 'listen', 'lift'],
  m: ['make', 'mindful', 'more'],
  n: ['never', 'notice', 'now'],
  o: ['open', 'often', 'onward'],
  p: ['practice', 'patience', 'push'],
  q: ['quietly', 'quest', 'quick'],
  r: ['reach', 'rest', 'read'],
  s: ['steady', 'smile', 'start'],
  t: ['try', 'trust', 'today'],
  u: ['unfold', 'use', 'until'],
  v: ['value', 'venture', 'vivid'],
  w: ['work', 'wonder', 'write'],
  x: ['xylophones', 'xerox', 'xenial'],
  y: ['yes', 'yearn', 'yield'],
  z: ['zeal', 'zest', 'zoom'],
};
const wordFor = (c: string, i: number) => {
  const lower = c.toLowerCase();
  if (/[0-9]/.test(c)) return `${c}x`;
  return wordsByLetter[lower]![i % 3]!;
};
const alnum = (code: string) => Array.from(code).filter((c) => /[A-Za-z0-9]/.test(c));
/** A "poem" whose lines start with the code's letters and digits, in order. */
export const acrosticLines = (code: string) =>
  alnum(code)
    .map((c, i) => {
      const w = wordFor(c, i);
      return `${w[0]!.toUpperCase()}${w.slice(1)} ${['and breathe', 'one more time', 'with care', 'as you go'][i % 4]}`;
    })
    .join('\n');
/** A sentence whose word initials spell the code's letters and digits. */
export const acrosticWords = (code: string) =>
  alnum(code)
    .map((c, i) => wordFor(c, i))
    .join(' ');

const natoWords =
  'alfa bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu'.split(
    ' ',
  );
const digitWords = 'zero one two three four five six seven eight nine'.split(' ');
export const nato = (code: string) =>
  mapLines(code, (l) =>
    l
      .trim()
      .split(/\s+/)
      .map((w) =>
        Array.from(w)
          .flatMap((c) =>
            /[a-z]/i.test(c)
              ? [natoWords[c.toLowerCase().charCodeAt(0) - 97]!]
              : /[0-9]/.test(c)
                ? [digitWords[+c]!]
                : [],
          )
          .join(' '),
      )
      .filter(Boolean)
      .join(' / '),
  );

const morseTable: Record<string, string> = {
  a: '.-',
  b: '-...',
  c: '-.-.',
  d: '-..',
  e: '.',
  f: '..-.',
  g: '--.',
  h: '....',
  i: '..',
  j: '.---',
  k: '-.-',
  l: '.-..',
  m: '--',
  n: '-.',
  o: '---',
  p: '.--.',
  q: '--.-',
  r: '.-.',
  s: '...',
  t: '-',
  u: '..-',
  v: '...-',
  w: '.--',
  x: '-..-',
  y: '-.--',
  z: '--..',
  0: '-----',
  1: '.----',
  2: '..---',
  3: '...--',
  4: '....-',
  5: '.....',
  6: '-....',
  7: '--...',
  8: '---..',
  9: '----.',
  '.': '.-.-.-',
  ',': '--..--',
  '(': '-.--.',
  ')': '-.--.-',
  ':': '---...',
  ';': '-.-.-.',
  '=': '-...-',
  "'": '.----.',
};
export const morse = (code: string) =>
  mapLines(code, (l) =>
    l
      .trim()
      .split(/\s+/)
      .map((w) =>
        Array.from(w.toLowerCase())
          .flatMap((c) => (morseTable[c] ? [morseTable[c]] : []))
          .join(' '),
      )
      .filter(Boolean)
      .join(' / '),
  );

const brailleLetters = Array.from('⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵');
/** Grade-1 braille cells for letters, the number sign and a–j for digits; other characters dropped. */
export const braille = (code: string) =>
  mapLines(code, (l) =>
    l
      .trim()
      .split(/\s+/)
      .map((w) =>
        w.replace(/[^0-9a-z]/gi, '').replace(/[0-9]+[a-j]?|[a-z]/gi, (m) => {
          const digits = /^[0-9]+/.exec(m)?.[0];
          // The letter sign ⠰ ends the number before a letter that would read as a digit.
          if (digits)
            return `⠼${Array.from(digits, (d) => brailleLetters[(+d + 9) % 10]).join('')}${
              m.length > digits.length
                ? `⠰${brailleLetters[m.toLowerCase().charCodeAt(digits.length) - 97]}`
                : ''
            }`;
          return brailleLetters[m.toLowerCase().charCodeAt(0) - 97]!;
        }),
      )
      .join('⠀'),
  );
export const regionalIndicators = (code: string) =>
  mapLines(code, (l) =>
    Array.from(l.trim())
      .map((c) =>
        /[a-z]/i.test(c)
          ? String.fromCodePoint(0x1f1e6 + c.toLowerCase().charCodeAt(0) - 97)
          : /[0-9]/.test(c)
            ? `${c}\ufe0f\u20e3`
            : c === ' '
              ? '  '
              : '',
      )
      .join(' '),
  );
const leetTable: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
export const leet = (code: string) => code.replace(/[aeiost]/g, (c) => leetTable[c]!);
export const disemvowel = (code: string) =>
  code.replace(/[A-Za-z]{2,}/g, (w) => w[0] + w.slice(1).replace(/[aeiouAEIOU]/g, ''));
export const pigLatin = (code: string) =>
  code.replace(/[A-Za-z]{2,}/g, (w) => {
    if (/^[aeiou]/i.test(w)) return `${w}way`;
    const cluster = /^[^aeiouAEIOU]+/.exec(w)![0];
    return cluster.length === w.length ? `${w}ay` : `${w.slice(cluster.length)}${cluster}ay`;
  });

const french: Record<string, string> = {
  Request: 'Requete',
  Response: 'Reponse',
  querySchema: 'schemaDeRequete',
  object: 'objet',
  page: 'numeroPage',
  coerce: 'forcer',
  number: 'nombre',
  int: 'entier',
  positive: 'positif',
  default: 'parDefaut',
  pageSize: 'taillePage',
  max: 'maximum',
  listBooks: 'listerLivres',
  req: 'requete',
  res: 'reponse',
  parsed: 'analyse',
  safeParse: 'analyserSansRisque',
  query: 'parametres',
  success: 'reussite',
  issue: 'probleme',
  error: 'erreur',
  issues: 'problemes',
  status: 'statut',
  json: 'versJson',
  path: 'chemin',
  message: 'texte',
  data: 'donnees',
  offset: 'decalage',
  rows: 'lignes',
  count: 'compte',
  all: 'tous',
  db: 'base',
  items: 'elements',
  total: 'totalGeneral',
  String: 'Chaine',
};
/** Every identifier of the solution renamed to French; keywords, strings and punctuation kept. */
export const frenchIdentifiers = (code: string) =>
  code.replace(/'[^']*'|`[^`]*`|[A-Za-z_$][\w$]*/g, (t) =>
    t.startsWith("'") || t.startsWith('`') ? t : (french[t] ?? t),
  );

const spoken: Record<string, string> = {
  '(': 'open paren',
  ')': 'close paren',
  '{': 'open brace',
  '}': 'close brace',
  '[': 'open bracket',
  ']': 'close bracket',
  '.': 'dot',
  ',': 'comma',
  ';': 'semicolon',
  ':': 'colon',
  '=': 'equals',
  '!': 'bang',
  '*': 'times',
  '-': 'minus',
  '`': 'backtick',
  $: 'dollar',
  "'": 'quote',
  '<': 'less than',
  '>': 'greater than',
  '+': 'plus',
  '/': 'slash',
};
const starters = ['Start with', 'Then write', 'Next,', 'After that,', 'On the next line,', 'Now'];
/** The code read aloud, one sentence per line, punctuation spoken. */
export const spokenCode = (code: string) =>
  codeLines(code)
    .map((l, i) => {
      const said = Array.from(l.text.trim(), (c) => (spoken[c] ? ` ${spoken[c]} ` : c))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      return `${starters[i % starters.length]} ${said}.`;
    })
    .join('\n');

// --- Pieces ---------------------------------------------------------------------------------------

/** `parts` consecutive slices of the code lines, as near equal as can be. */
export function lineSlices(code: string, parts: number): string[] {
  const all = lines(code);
  const size = Math.ceil(all.length / parts);
  return Array.from({ length: parts }, (_, i) => all.slice(i * size, (i + 1) * size).join('\n'));
}
export const oddLines = (code: string) =>
  lines(code)
    .filter((_, i) => i % 2 === 0)
    .join('\n');
export const evenLines = (code: string) =>
  lines(code)
    .filter((_, i) => i % 2 === 1)
    .join('\n');
export const firstHalves = (code: string) =>
  mapLines(code, (l) => l.slice(0, Math.ceil(l.length / 2)));
export const secondHalves = (code: string) =>
  mapLines(code, (l) => l.slice(Math.ceil(l.length / 2)));
/** A string cut into `parts` pieces at arbitrary character positions. */
export const chunks = (text: string, parts: number) => {
  const size = Math.ceil(text.length / parts) + 1;
  return Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size)).filter(
    Boolean,
  );
};
