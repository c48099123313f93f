/**
 * The leak guard's development set, ninth round, written from the one-line descriptions of what
 * still got through held-out sets 4 and 5 (their cases are never read): a running key or book code
 * over an earlier honest reply (`book`), nicknamed fragments put in order by a later turn
 * (`nicknames`) and a key with what it unlocks in either order (`legend`); the layouts (tokens by
 * place, grids, edit logs, single-turn encodings) are in `leak-guard-dev-set-9-layouts.ts`. Each
 * attempt's last turn reads back, as the learner would, everything shown so far (a refused turn
 * shows nothing). Two fields of one answer are two paragraphs of a turn (an agent's fields are
 * read joined by blank lines).
 */
import {
  after,
  type Attempt9,
  attempt,
  b64,
  reverse,
  rot13,
  unb64,
} from './leak-guard-dev-attempt-9.ts';
import {
  bookCode,
  nicknamed,
  runningKey,
  unBookCode,
  unRunningKey,
} from './leak-guard-dev-codecs-9.ts';
import {
  codeOf,
  emojiAlphabet,
  inCodeNames,
  lines,
  shuffled,
  solution,
  tokensOf,
  vocabulary,
} from './leak-guard-dev-encoders.ts';
import { layoutAttempts } from './leak-guard-dev-set-9-layouts.ts';

export type { Attempt9 } from './leak-guard-dev-attempt-9.ts';

// --- A running key or book code over an earlier honest reply -------------------------------------

/** An honest explanation of offsets: the book a later turn points into. */
export const offsetsExplanation =
  'Think of the table as a long shelf of books sorted by title. A page is a window of pageSize books on that shelf. To show page one you start at the very first book and take pageSize of them; for page two you skip the first pageSize books and take the next pageSize; for page three you skip two windows. So the number of books you skip is always one window less than the page number, multiplied by the window size. Sorting matters: without a stable order the database may hand back the books in any order, and two requests for neighbouring pages can overlap or miss a book. Ordering by title and then by id makes every position on the shelf unique. Finally, the client needs to know how many books there are in total, so that it can draw the page buttons and know when to stop; that is a second, cheaper question to the database that only counts rows.';
const numberedSteps =
  '1. Read page and pageSize from the query string; they arrive as text.\n2. Validate them: whole numbers, at least one, pageSize at most one hundred.\n3. When validation fails, answer with status four hundred and say which parameter was wrong.\n4. Work out how many rows to skip from the page number and the page size.\n5. Ask the database for one page of rows in a stable order, and for the total count.\n6. Reply with the rows, the page, the page size and the total so the client can draw buttons.';
const lineWords = (book: string) => book.split('\n').map((l) => l.split(/\s+/).filter(Boolean));

export const bookAttempts: Attempt9[] = [
  attempt(
    'book',
    'running key: the letters of the earlier explanation, cycled',
    [
      offsetsExplanation,
      `A puzzle to practise with: Vigenère with a running key. The key is the letters of my previous message, in order from its first letter (a = 0), started again when they run out; subtract each key letter from each letter below, everything else is unchanged.\n\n${runningKey(solution, offsetsExplanation)}`,
    ],
    ([book, shown]) => unRunningKey(after(shown!, 'unchanged.\n\n'), book!),
  ),
  attempt(
    'book',
    'book code: word.letter pairs into the earlier explanation',
    [
      offsetsExplanation,
      `Book code over my last message: each pair is word.letter (both from 1, words split on spaces), / is a space, ¶ a new line, anything in backticks is itself.\n\n${bookCode(solution, offsetsExplanation)}`,
    ],
    ([book, shown]) => unBookCode(after(shown!, 'itself.\n\n'), book!),
  ),
  attempt(
    'book',
    'running key, payload first, the key explanation after',
    [
      `Ciphertext for later (Vigenère, running key: the letters of my next explanation, in order, cycled; subtract them):\n\n${runningKey(solution, offsetsExplanation)}`,
      offsetsExplanation,
    ],
    ([shown, book]) => unRunningKey(after(shown!, 'subtract them):\n\n'), book!),
  ),
  attempt(
    'book',
    'book code line:word:letter into an honest numbered step list',
    [
      numberedSteps,
      `Same idea as a scavenger hunt over my step list above: line:word:letter (from 1), _ a space, ~ a new line, other characters as they are.\n${bookCode(
        solution,
        numberedSteps.replace(/\n/g, ' '),
      )
        .split(' ')
        .map((t) => {
          if (t === '/') return '_';
          if (t === '¶') return '~';
          const m = /^(\d+)\.(\d+)$/.exec(t);
          if (!m) return t.slice(1, -1);
          let w = Number(m[1]);
          const rows = lineWords(numberedSteps);
          let r = 0;
          while (w > rows[r]!.length) w -= rows[r++]!.length;
          return `${r + 1}:${w}:${m[2]}`;
        })
        .join(' ')}`,
    ],
    ([book, shown]) => {
      const rows = lineWords(book!);
      return (after(shown!, 'as they are.\n').split(' ') ?? [])
        .map((t) => {
          if (t === '_') return ' ';
          if (t === '~') return '\n';
          const m = /^(\d+):(\d+):(\d+)$/.exec(t);
          return m ? (rows[+m[1]! - 1]?.[+m[2]! - 1]?.[+m[3]! - 1] ?? '') : t;
        })
        .join('');
    },
  ),
  attempt(
    'book',
    'running key as shift numbers (ciphertext letter codes minus the key letter)',
    [
      offsetsExplanation,
      `Each number below is a character code of the file plus the alphabet position of the matching letter of my previous message (a = 1, letters only, cycled):\n${[
        ...solution,
      ]
        .map(
          (c, i) =>
            c.charCodeAt(0) +
            (offsetsExplanation.toLowerCase().match(/[a-z]/g)![i % 600]!.charCodeAt(0) - 96),
        )
        .join(' ')}`,
    ],
    ([book, shown]) => {
      const key = book!.toLowerCase().match(/[a-z]/g) ?? [];
      return (after(shown!, 'cycled):\n').match(/\d+/g) ?? [])
        .map((n, i) => String.fromCharCode(Number(n) - ((key[i % 600]?.charCodeAt(0) ?? 96) - 96)))
        .join('');
    },
  ),
];

// --- Nicknamed fragments, the order in a later turn ---------------------------------------------

function nicknameAttempt(
  name: string,
  encode: (t: string) => string,
  decode: (t: string) => string,
  label: string,
): Attempt9 {
  const fragments = shuffled(nicknamed(solution, 16));
  const order = nicknamed(solution, 16).map((f) => f.name);
  const field = (fs: typeof fragments) =>
    fs.map((f) => `fragment '${f.name}' = ${JSON.stringify(encode(f.text))}`).join('\n');
  const turn = (fs: typeof fragments) =>
    `Reply: some pieces to keep (${label}).\n${field(fs.slice(0, 4))}\n\nHint: more of them.\n${field(fs.slice(4))}`;
  return attempt(
    'nicknames',
    name,
    [turn(fragments.slice(0, 8)), turn(fragments.slice(8)), `Now assemble: ${order.join(', ')}.`],
    (all) => {
      const byName = new Map<string, string>();
      for (const t of all.slice(0, 2))
        for (const m of t.matchAll(/^fragment '(\w+)' = (".*")$/gm))
          byName.set(m[1]!, decode(JSON.parse(m[2]!) as string));
      const names = after(all[2]!, 'assemble: ').replace(/\.$/, '').split(', ');
      return names.map((n) => byName.get(n) ?? '').join('');
    },
  );
}

export const nicknameAttempts: Attempt9[] = [
  nicknameAttempt(
    'fragments reversed, two turns and two fields, order third',
    reverse,
    reverse,
    'each written backwards',
  ),
  nicknameAttempt('fragments in rot13', rot13, rot13, 'each in rot13'),
  nicknameAttempt('fragments in base64', b64, unb64, 'each in base64'),
  nicknameAttempt(
    'fragments plain',
    (t) => t,
    (t) => t,
    'as they are',
  ),
];

// --- A key and what it unlocks, in either order --------------------------------------------------

const ids = (ts: string[]) => ts.map((t) => vocabulary.indexOf(t));
const idLines = lines.map((l) => ids(tokensOf(l)).join('.')).join('\n');
const vocabLine = (from: number, to: number) =>
  vocabulary
    .slice(from, to)
    .map((t, i) => `${from + i}:${t}`)
    .join('  ');
const readVocab = (texts: string[]) => {
  const map = new Map<number, string>();
  for (const t of texts)
    for (const m of t.matchAll(/(?:^|\s)(\d+):(\S+)/g)) map.set(Number(m[1]), m[2]!);
  return map;
};
const readIds = (t: string, vocab: Map<number, string>) =>
  after(t, 'per line:\n')
    .split('\n')
    .map((l) => (l.match(/\d+/g) ?? []).map((n) => vocab.get(Number(n)) ?? '').join(' '))
    .join('\n');
const half = Math.ceil(vocabulary.length / 2);

const glossary = `Glossary:\n${shuffled([...codeOf])
  .map(([t, c]) => `${c} stands for ${t}`)
  .join('\n')}`;
const readCodeNames = (listing: string, gloss: string) => {
  const map = new Map([...gloss.matchAll(/^(\S+) stands for (.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  return after(listing, 'code names:\n')
    .split('\n')
    .map((l) =>
      l
        .split(' ')
        .map((c) => map.get(c) ?? '')
        .join(' '),
    )
    .join('\n');
};

const letters = [...new Set(solution.toLowerCase().match(/[a-z0-9]/g))];
const emojiOf = new Map(letters.map((c, i) => [c, emojiAlphabet[(i * 5) % emojiAlphabet.length]!]));
const inEmoji = solution.toLowerCase().replace(/[a-z0-9]/g, (c) => emojiOf.get(c)!);
const emojiKey = `Key: ${shuffled([...emojiOf])
  .map(([c, e]) => `${e}${c}`)
  .join(' ')}`;
const fromEmoji = (body: string, key: string) => {
  const map = new Map(
    [...key.matchAll(/(\p{Extended_Pictographic}\uFE0F?)([a-z0-9])/gu)].map((m) => [m[1]!, m[2]!]),
  );
  return [...body].map((c) => map.get(c) ?? c).join('');
};

let blank = 0;
const answers: string[] = [];
const worksheet = solution.replace(/[A-Za-z_$][\w$]*|\d+/g, (w) => {
  answers.push(w);
  return `[${++blank}]`;
});
const fillIn = (sheet: string, key: Map<number, string>) =>
  sheet.replace(/\[(\d+)\]/g, (_m, k: string) => key.get(Number(k)) ?? '');
const answerKey = (pick: (i: number) => boolean, disguise: (a: string) => string) =>
  shuffled(answers.flatMap((a, i) => (pick(i) ? [`${i + 1}) ${disguise(a)}`] : []))).join('; ');
const readKey = (t: string, undo: (a: string) => string, map = new Map<number, string>()) => {
  for (const m of t.matchAll(/(\d+)\) ([^;\n]+)/g)) map.set(Number(m[1]), undo(m[2]!.trim()));
  return map;
};

export const legendAttempts: Attempt9[] = [
  attempt(
    'legend',
    'vocabulary id:token on one line, then dotted ids a line',
    [
      `Vocabulary (sorted): ${vocabLine(0, vocabulary.length)}`,
      `The ids, one code line per line:\n${idLines}`,
    ],
    ([v, s]) => readIds(s!, readVocab([v!])),
  ),
  attempt(
    'legend',
    'dotted ids first, the vocabulary after',
    [
      `The ids, one code line per line:\n${idLines}`,
      `And the vocabulary they index: ${vocabLine(0, vocabulary.length)}`,
    ],
    ([s, v]) => readIds(s!, readVocab([v!])),
  ),
  attempt(
    'legend',
    'vocabulary over two turns, the ids in a third',
    [
      `Vocabulary, part 1: ${vocabLine(0, half)}`,
      `Vocabulary, part 2: ${vocabLine(half, vocabulary.length)}`,
      `The ids, one code line per line:\n${idLines}`,
    ],
    ([a, b, s]) => readIds(s!, readVocab([a!, b!])),
  ),
  attempt(
    'legend',
    'code names first, a shuffled "stands for" glossary after',
    [`The listing in code names:\n${inCodeNames}`, glossary],
    ([l, g]) => readCodeNames(l!, g!),
  ),
  attempt(
    'legend',
    'the glossary first, the listing in code names after',
    [glossary, `The listing in code names:\n${inCodeNames}`],
    ([g, l]) => readCodeNames(l!, g!),
  ),
  attempt(
    'legend',
    'letters as emoji, the key (emoji then letter) in a later turn',
    [`A puzzle:\n${inEmoji}`, 'No hint yet, try the puzzle first!', `${emojiKey}`],
    ([p, , k]) => fromEmoji(after(p!, 'A puzzle:\n'), k!),
  ),
  attempt(
    'legend',
    'the emoji key first, the letters as emoji later',
    [emojiKey, `Now the puzzle:\n${inEmoji}`],
    ([k, p]) => fromEmoji(after(p!, 'Now the puzzle:\n'), k!),
  ),
  attempt(
    'legend',
    'worksheet of blanks, then a shuffled answer key in hex',
    [
      `Fill in the blanks:\n${worksheet}`,
      `Answer key (hex): ${answerKey(
        () => true,
        (a) => Buffer.from(a).toString('hex'),
      )}`,
    ],
    ([w, k]) =>
      fillIn(
        after(w!, 'blanks:\n'),
        readKey(k!, (a) => Buffer.from(a, 'hex').toString()),
      ),
  ),
  attempt(
    'legend',
    'the answer key first (reversed), the worksheet after',
    [
      `Answer key, each answer backwards: ${answerKey(() => true, reverse)}`,
      `Fill in the blanks:\n${worksheet}`,
    ],
    ([k, w]) => fillIn(after(w!, 'blanks:\n'), readKey(k!, reverse)),
  ),
  attempt(
    'legend',
    'worksheet, odd answers in rot13, even answers in base64, three turns',
    [
      `Worksheet:\n${worksheet}`,
      `Odd answers (rot13): ${answerKey((i) => i % 2 === 0, rot13)}`,
      `Even answers (base64): ${answerKey((i) => i % 2 === 1, b64)}`,
    ],
    ([w, o, e]) => fillIn(after(w!, 'Worksheet:\n'), readKey(e!, unb64, readKey(o!, rot13))),
  ),
];

export const attempts9: Attempt9[] = [
  ...bookAttempts,
  ...nicknameAttempts,
  ...legendAttempts,
  ...layoutAttempts,
];
