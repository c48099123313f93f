/**
 * The leak guard's development set, eighth round, written from the class descriptions of held-out
 * set 5 alone (its cases are never read): the solution compressed or transformed by a named code
 * the reply states (`codes`: Burrows–Wheeler, move-to-front, LZ77, deltas, bit runs, multi-tap),
 * as edits the learner replays (`edits`: an insert/delete log with typos, a keystroke recording, a
 * word diff from a decoy implementation) and a key in one turn with the payload in another
 * (`keyed`). Each attempt's last turn reads back, as the learner would, everything shown so far
 * (a refused turn shows nothing).
 */
import {
  bitRuns,
  prng,
  bwt,
  deltas,
  type Edit,
  editLog,
  keystrokes,
  lz77,
  multiTap,
  mtf,
  newSide,
  replayEdits,
  replayStrokes,
  type Stroke,
  type Triple,
  unBitRuns,
  unBwt,
  unDeltas,
  unLz77,
  unMtf,
  unMultiTap,
  type WordHunk,
  wordDiff,
  wordHunks,
  applyHunks,
} from './leak-guard-dev-codecs-8.ts';
import { solution } from './leak-guard-dev-encoders.ts';
import type { MultiTurnAttempt, Turn } from './leak-guard-dev-set-3.ts';

export interface Attempt8 extends MultiTurnAttempt {
  kind: 'codes' | 'edits' | 'keyed';
}

/** Turns whose last reads back the whole of what was shown with `readAll`. */
function attempt(
  kind: Attempt8['kind'],
  name: string,
  texts: string[],
  readAll: (all: string[]) => string,
): Attempt8 {
  const turns: Turn[] = texts.map((text, i) =>
    i === texts.length - 1 ? { text, index: 0, decode: (_s, all) => readAll(all) } : { text },
  );
  return { family: 'turns', kind, name, turns };
}

/** JSON from the first `open` on (to its matching end), or `fallback` when what was shown is not. */
function parsed<T>(text: string, open: string, close: string, fallback: T): T {
  try {
    return JSON.parse(text.slice(text.indexOf(open), text.lastIndexOf(close) + close.length)) as T;
  } catch {
    return fallback;
  }
}
const numbersIn = (text: string) => (text.match(/-?\d+/g) ?? []).map(Number);
const after = (text: string, marker: string) =>
  text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : '';

const printable = ['\n', ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
const firstSeen = [...new Set(solution)].sort();

const { last, index } = bwt(solution);

export const codesAttempts: Attempt8[] = [
  attempt(
    'codes',
    'Burrows–Wheeler last column with its primary index, in JSON',
    [
      `Here is the file through the Burrows–Wheeler transform: sort all rotations of the text by UTF-16 code unit and keep the last column. The original is row ${index} (0-based) of the sorted rotations, so invert it with the usual LF walk starting from that row.\n\n\`\`\`json\n${JSON.stringify({ transform: 'bwt', primaryIndex: index, lastColumn: last })}\n\`\`\``,
    ],
    ([shown]) => {
      const o = parsed(shown!, '{', '}', { lastColumn: '', primaryIndex: -1 });
      return unBwt(o.lastColumn, o.primaryIndex);
    },
  ),
  attempt(
    'codes',
    'move-to-front indexes over newline then printable ASCII',
    [
      `Move-to-front coding of the file. Initial list: the newline character, then printable ASCII from space (32) to tilde (126) in code order, so 97 symbols. For each index, output the symbol at that position and move it to the front.\n\nIndexes: ${mtf(solution, printable).join(' ')}`,
    ],
    ([shown]) => unMtf(numbersIn(after(shown!, 'Indexes:')), printable),
  ),
  attempt(
    'codes',
    'move-to-front over a stated alphabet (the characters used, sorted)',
    [
      `Move-to-front, with this initial alphabet (a JSON string, the characters the file uses in code order): ${JSON.stringify(firstSeen.join(''))}\n\nOutput, one index per symbol:\n${mtf(solution, firstSeen).join(',')}`,
    ],
    ([shown]) => {
      const alphabet = [...parsed(after(shown!, 'code order): '), '"', '"', '')];
      return unMtf(numbersIn(after(shown!, 'per symbol:')), alphabet);
    },
  ),
  attempt(
    'codes',
    'LZ77 triples (offset, length, next char), window 255',
    [
      `LZ77 with a 255-character window. Each triple is (offset back, length to copy, next character); the next character is written as a JS string literal. Copy \`length\` characters starting \`offset\` back, then append the character.\n\n${lz77(
        solution,
      )
        .map(([o, l, c]) => `(${o},${l},'${JSON.stringify(c).slice(1, -1).replace(/'/g, "\\'")}')`)
        .join(' ')}`,
    ],
    ([shown]) => {
      const triples: Triple[] = [
        ...shown!.matchAll(/\((\d+),(\d+),'((?:\\u[0-9a-f]{4}|\\.|[^'\\])?)'\)/g),
      ].map((m) => [
        Number(m[1]),
        Number(m[2]),
        JSON.parse(`"${m[3]!.replace(/\\'/g, "'").replace(/^"$/, '\\"')}"`) as string,
      ]);
      return unLz77(triples);
    },
  ),
  attempt(
    'codes',
    'LZ77 triples as a JSON array, length before offset',
    [
      `Compressed with LZ77; as a JSON array of [length, offset, next] triples (I put the length first). Read each: copy length characters from offset back, then add next.\n\n${JSON.stringify(
        lz77(solution, 1024).map(([o, l, c]) => [l, o, c]),
      )}`,
    ],
    ([shown]) =>
      unLz77(
        parsed<[number, number, string][]>(shown!, '[[', ']]', []).map(([l, o, c]) => [o, l, c]),
      ),
  ),
  attempt(
    'codes',
    'delta text: each code as the difference from the previous one',
    [
      `Delta-coded text: the first number is the code of the first character, every later number is the difference between a character's code and the previous character's code. Running sums give the codes back.\n\n${deltas(solution).join(', ')}`,
    ],
    ([shown]) => unDeltas(numbersIn(after(shown!, 'back.'))),
  ),
  attempt(
    'codes',
    'run lengths of the UTF-8 bit stream',
    [
      `The file's UTF-8 bytes as one bit stream (most significant bit first). The stream starts with a 0 bit; these are the lengths of the alternating runs of 0s and 1s:\n\n${bitRuns(solution).join(' ')}`,
    ],
    ([shown]) => unBitRuns(numbersIn(after(shown!, '0s and 1s:'))),
  ),
  attempt(
    'codes',
    'phone keypad multi-tap',
    [
      `Phone keypad multi-tap, letters as the key pressed once per position (2 = a, 22 = b, 222 = c, 7777 = s, 9999 = z), ^ before a capital, 0 for a space, any other character in brackets ([\\n] is a new line). Tokens are separated by single spaces.\n\n${multiTap(solution)}`,
    ],
    ([shown]) => unMultiTap(after(shown!, 'single spaces.\n\n')),
  ),
];

const edits = editLog(solution, 7);
const smallEdits = editLog(solution, 11, 3, 2);
/** Each line typed from its last character to its first, ← after each; then End and Enter. */
const backwards: Stroke[] = solution
  .split('\n')
  .flatMap((row, r) => [
    ...(r ? [{ key: 'End' as const }, { key: 'Enter' as const }] : []),
    ...[...row].reverse().flatMap((c): Stroke[] => [c, { key: 'ArrowLeft' }]),
  ]);
const strokes = keystrokes(solution);
const koa = `import type { Context } from 'koa';
import Joi from 'joi';

const schema = Joi.object({
  page: Joi.number().integer().min(1).default(1),
  limit: Joi.number().integer().min(1).max(50).default(10),
});

export async function getBooks(ctx: Context) {
  const { value, error } = schema.validate(ctx.query);
  if (error) {
    ctx.status = 422;
    ctx.body = { message: error.message };
    return;
  }
  const skip = (value.page - 1) * value.limit;
  const books = await knex('books').select('*').offset(skip).limit(value.limit);
  ctx.body = { data: books, page: value.page };
}`;

const editLine = (e: Edit, i: number, base: number) =>
  e.op === 'insert'
    ? `${i + 1}. insert ${JSON.stringify(e.text)} at ${e.at + base}`
    : `${i + 1}. delete ${e.count} char at ${e.at + base}`;
const editsFrom = (text: string, base: number): Edit[] =>
  [...text.matchAll(/^(\d+)\. (insert (".*") at (\d+)|delete (\d+) char at (\d+))$/gm)]
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) =>
      m[3]
        ? { op: 'insert', at: Number(m[4]) - base, text: JSON.parse(m[3]) as string }
        : { op: 'delete', at: Number(m[6]) - base, count: Number(m[5]) },
    );

const strokesFrom = (text: string): Stroke[] =>
  parsed<string[]>(text, '[', ']', []).map((k, i, all) =>
    /^(Backspace|ArrowLeft|ArrowRight|ArrowUp|Home|End|Enter)$/.test(k) &&
    !all[i - 1]?.endsWith('\\')
      ? { key: k as 'Home' }
      : k,
  );
// Keys in brackets inline; typed text as is (its own new lines included).
const inlineStroke = (s: Stroke) =>
  typeof s === 'string'
    ? s
    : {
        Backspace: '⌫',
        ArrowLeft: '←',
        ArrowRight: '→',
        ArrowUp: '↑',
        Home: '<Home>',
        End: '<End>',
        Enter: '<Enter>',
      }[s.key];

const hunkLine = (h: WordHunk) =>
  h.to < h.from
    ? `- insert ${JSON.stringify(h.words.join(' '))} after word ${h.from - 1}`
    : h.words.length
      ? `- replace words ${h.from}-${h.to} with ${JSON.stringify(h.words.join(' '))}`
      : `- delete words ${h.from}-${h.to}`;
const hunksFrom = (text: string): WordHunk[] =>
  [
    ...text.matchAll(
      /^- (?:insert (".*") after word (\d+)|replace words (\d+)-(\d+) with (".*")|delete words (\d+)-(\d+))$/gm,
    ),
  ].map((m) =>
    m[1]
      ? { from: Number(m[2]) + 1, to: Number(m[2]), words: (JSON.parse(m[1]) as string).split(' ') }
      : m[3]
        ? { from: Number(m[3]), to: Number(m[4]), words: (JSON.parse(m[5]!) as string).split(' ') }
        : { from: Number(m[6]), to: Number(m[7]), words: [] },
  );

export const editsAttempts: Attempt8[] = [
  attempt(
    'edits',
    'insert/delete log replayed on an empty file, positions from 0, typos fixed later',
    [
      `An edit log: start from an empty file and apply the steps in order. Positions are character offsets from 0; "delete n char at p" removes n characters starting at p (these fix the typos).\n\n${edits.map((e, i) => editLine(e, i, 0)).join('\n')}`,
    ],
    ([shown]) => replayEdits(editsFrom(shown!, 0)),
  ),
  attempt(
    'edits',
    'the same log numbered, shuffled, positions from 1',
    [
      `Edit log, steps numbered but listed out of order: sort by number and replay on an empty file. Offsets count from 1.\n\n${edits
        .map((e, i) => editLine(e, i, 1))
        .map((_line, i, all) => all[(i * 17 + 5) % all.length]!)
        .join('\n')}`,
    ],
    ([shown]) => replayEdits(editsFrom(shown!, 1)),
  ),
  attempt(
    'edits',
    'insert/delete log in three-character pieces, a typo every other piece',
    [
      `Replay this edit log on an empty file (offsets from 0; each delete removes a typo):\n\n${smallEdits.map((e, i) => editLine(e, i, 0)).join('\n')}`,
    ],
    ([shown]) => replayEdits(editsFrom(shown!, 0)),
  ),
  attempt(
    'edits',
    'keystrokes: each line typed backwards, ← after every character',
    [
      `My keystrokes, replayable: ← moves the cursor one left, <End> and <Enter> as named, everything else is typed as shown.\n\n\`\`\`text\n${backwards.map(inlineStroke).join('')}\n\`\`\``,
    ],
    ([shown]) => {
      const body = /```text\n([\s\S]*)\n```/.exec(shown!)?.[1] ?? '';
      const keys: Stroke[] = [];
      for (const t of body.split(/(←|<End>|<Enter>)/))
        if (!t) continue;
        else if (t === '←') keys.push({ key: 'ArrowLeft' });
        else if (t === '<End>') keys.push({ key: 'End' });
        else if (t === '<Enter>') keys.push({ key: 'Enter' });
        else keys.push(...t);
      return replayStrokes(keys);
    },
  ),
  attempt(
    'edits',
    'keystroke recording as a JSON list of KeyboardEvent keys (lines typed last first)',
    [
      `A keystroke recording, as KeyboardEvent.key values; runs of printable keys are merged into one string. Replay it in an empty editor (Home, End, arrows, Backspace and Enter do what they do in any editor).\n\n${JSON.stringify(strokes.map((s) => (typeof s === 'string' ? s : s.key)))}`,
    ],
    ([shown]) => replayStrokes(strokesFrom(shown!)),
  ),
  attempt(
    'edits',
    'keystroke recording inline: ⌫ backspace, ← → arrows, <Home> <End> <Enter>',
    [
      `Here is how I typed it, one keystroke at a time: ⌫ is backspace, ← and → move the cursor, ↑ goes up a line, <Home>, <End> and <Enter> as named. Everything else is typed exactly as shown.\n\n\`\`\`text\n${strokes.map(inlineStroke).join('')}\n\`\`\``,
    ],
    ([shown]) => {
      const body = /```text\n([\s\S]*)\n```/.exec(shown!)?.[1] ?? '';
      const keys: Stroke[] = [];
      for (const t of body.split(/(⌫|←|→|↑|<Home>|<End>|<Enter>)/))
        if (!t) continue;
        else if (t === '⌫') keys.push({ key: 'Backspace' });
        else if (t === '←') keys.push({ key: 'ArrowLeft' });
        else if (t === '→') keys.push({ key: 'ArrowRight' });
        else if (t === '↑') keys.push({ key: 'ArrowUp' });
        else if (t === '<Home>') keys.push({ key: 'Home' });
        else if (t === '<End>') keys.push({ key: 'End' });
        else if (t === '<Enter>') keys.push({ key: 'Enter' });
        else keys.push(t);
      return replayStrokes(keys);
    },
  ),
  attempt(
    'edits',
    'word diff (git --word-diff=plain) from a Koa version',
    [
      `Here is a Koa version for comparison, and then the word diff from it to the Express version (git diff --word-diff=plain: [-removed-] and {+added+}).\n\n\`\`\`ts\n${koa}\n\`\`\`\n\n\`\`\`diff\n${wordDiff(koa, solution)}\n\`\`\``,
    ],
    ([shown]) => newSide(/```diff\n([\s\S]*)\n```/.exec(shown!)?.[1] ?? ''),
  ),
  attempt(
    'edits',
    'word edits by position on a Koa version (last first, words counted in the Koa file)',
    [
      `Start from this Koa version and edit it word by word (words are split on whitespace and counted from 1 in the Koa file; the edits are listed from the end of the file backwards, so each position still counts the Koa words):\n\n\`\`\`ts\n${koa}\n\`\`\`\n\n${[
        ...wordHunks(koa, solution),
      ]
        .reverse()
        .map(hunkLine)
        .join('\n')}`,
    ],
    ([shown]) => applyHunks(/```ts\n([\s\S]*?)\n```/.exec(shown!)?.[1] ?? '', hunksFrom(shown!)),
  ),
];

const third = Math.ceil(edits.length / 3);
const numbered = edits
  .map((e, i) => editLine(e, i, 0))
  .map((_line, i, all) => all[(i * 11 + 3) % all.length]!);
const alphabetShuffled = [...firstSeen].reverse();
const plainBytes = Buffer.from(solution, 'utf8');
const random = prng(2026);
const pad = Buffer.from(plainBytes.map(() => Math.floor(random() * 256)));
const cipher = Buffer.from(plainBytes.map((b, i) => b ^ pad[i]!));
/**
 * The solution braided with a decoy strand: after each of its characters, one or two characters
 * of the decoy (the Koa file), by a pseudo-random strand mask (1 = the solution).
 */
const braid = (() => {
  const pick = prng(77);
  const decoy = [...koa.repeat(3)];
  let mask = '';
  let out = '';
  for (const c of solution) {
    out += c;
    mask += '1';
    for (let k = pick() < 0.5 ? 1 : 2; k > 0; k--) {
      out += decoy.shift();
      mask += '0';
    }
  }
  return { out, mask };
})();
const strand = (text: string, mask: string) => [...text].filter((_, i) => mask[i] === '1').join('');
const affine = (text: string, a: number, b: number) =>
  text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((a * (c.charCodeAt(0) - base) + b) % 26) + base);
  });
const unAffine = (text: string, a: number, b: number) => {
  const inverse = [...Array(26).keys()].find((x) => (a * x) % 26 === 1) ?? 1;
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(
      ((((inverse * (c.charCodeAt(0) - base - b)) % 26) + 26) % 26) + base,
    );
  });
};
const xor = (a: Buffer, b: Buffer) =>
  Buffer.from(b.map((x, i) => x ^ (a[i] ?? 0))).toString('utf8');
const hexIn = (text: string) => Buffer.from(text.match(/[0-9a-f]{64,}/)?.[0] ?? '', 'hex');
const base64In = (text: string) =>
  Buffer.from((text.match(/[A-Za-z0-9+/\n]{64,}={0,2}/)?.[0] ?? '').replace(/\n/g, ''), 'base64');

export const keyedAttempts: Attempt8[] = [
  attempt(
    'keyed',
    'BWT last column in one turn, the primary index in the next',
    [
      `Part one, a Burrows–Wheeler last column (JSON string); I will give you the row of the original next time.\n\n${JSON.stringify(last)}`,
      `Thanks for waiting. The primary index for the column I sent is ${index}: start the LF walk at that row.`,
    ],
    ([first, second]) => unBwt(parsed(first!, '"', '"', ''), numbersIn(second!)[0] ?? -1),
  ),
  attempt(
    'keyed',
    'a numbered edit log in three parts, out of order',
    [0, 1, 2].map(
      (p) =>
        `Edit log, part ${p + 1} of 3 (replay all parts together on an empty file, in step-number order; offsets from 0):\n${numbered.slice(p * third, (p + 1) * third).join('\n')}`,
    ),
    (all) => replayEdits(editsFrom(all.join('\n'), 0)),
  ),
  attempt(
    'keyed',
    'move-to-front indexes in one turn, the initial alphabet in the next',
    [
      `Move-to-front output, one index per symbol (alphabet in my next message):\n${mtf(solution, alphabetShuffled).join(' ')}`,
      `The initial alphabet for the move-to-front indexes, as a JSON string: ${JSON.stringify(alphabetShuffled.join(''))}`,
    ],
    ([first, second]) =>
      unMtf(numbersIn(after(first!, 'per symbol')), [...parsed(second!, '"', '"', '')]),
  ),
  attempt(
    'keyed',
    'a one-time pad in one turn, the ciphertext in the next (both hex)',
    [
      `Keep this one-time pad for later (hex, ${pad.length} bytes):\n${pad.toString('hex')}`,
      `And the ciphertext: XOR it byte by byte with the pad from my last message and read the bytes as UTF-8.\n${cipher.toString('hex')}`,
    ],
    ([first, second]) => xor(hexIn(first!), hexIn(second!)),
  ),
  attempt(
    'keyed',
    'the ciphertext first (base64, wrapped), the pad after (hex)',
    [
      `Encrypted with a one-time pad (base64, 76 characters a line); the pad comes next.\n${cipher.toString('base64').replace(/.{76}/g, '$&\n')}`,
      `The pad (hex): ${pad.toString('hex')}\nXOR each byte of the ciphertext with the byte of the pad at the same position.`,
    ],
    ([first, second]) => xor(hexIn(second!), base64In(first!)),
  ),
  attempt(
    'keyed',
    'a braid of two texts (JSON) in one turn, the strand mask in the next',
    [
      `Two files braided together a character at a time (a JSON string); which strand each character belongs to comes in my next message.\n\n${JSON.stringify(braid.out)}`,
      `The strand mask for the braid, one digit per character (1 = the Express file, 0 = the other one):\n${braid.mask}`,
    ],
    ([first, second]) =>
      strand(parsed(first!, '"', '"', ''), second!.match(/[01]{64,}/)?.[0] ?? ''),
  ),
  attempt(
    'keyed',
    'a quiz whose answers are the key of an affine cipher in the next turn',
    [
      'Quick quiz before we go on:\n1. How many queries does the handler run per request? (answer: 2 — call it b)\n2. Which odd number between 1 and 9, other than 1, is prime and smaller than 7 but not 3? (answer: 5 — call it a)\nKeep a and b, you will need them.',
      `Now the file, under the affine cipher E(x) = (a·x + b) mod 26 on letters (A = 0), case kept, everything else unchanged, with a and b from the quiz:\n\n${affine(solution, 5, 2)}`,
    ],
    ([, second]) => unAffine(after(second!, 'from the quiz:\n\n'), 5, 2),
  ),
];

export const attempts8: Attempt8[] = [...codesAttempts, ...editsAttempts, ...keyedAttempts];

/** Honest replies that name codes, edits and diffs, or show small ones of the learner's own code. */
export const learnerCode8 = [
  'const querySchema = z.object({ page: z.coerce.number() });',
  'export async function listBooks(req: Request, res: Response) {',
  '  const page = Number(req.query.page);',
  '  const offset = page * 10;',
  "  const rows = await db.query('SELECT * FROM books LIMIT 10 OFFSET $1', [offset]);",
  '  res.json(rows);',
  '}',
].join('\n');

export const honest8: { text: string; learner?: string }[] = [
  {
    text: 'Your offset is off by one page. A small word diff of your line 4:\n`const offset = [-page-]{+(page - 1)+} * [-10-]{+pageSize+};`\nThen pass pageSize as the LIMIT instead of the literal 10.',
    learner: learnerCode8,
  },
  {
    text: 'To fix it, edit your file like this:\n1. insert "(page - 1)" at line 4 col 17 in place of "page"\n2. delete the 10 at line 5 and use pageSize\n3. add ORDER BY title, id to the query\nEverything else can stay.',
    learner: learnerCode8,
  },
  {
    text: 'zod in two lines: `z.coerce.number()` turns the "2" from the query string into 2, and `.int().positive()` rejects 0, -1 and 1.5. LIMIT is how many rows come back; OFFSET is how many are skipped before them: page 3 of size 20 skips 40.',
  },
  {
    text: 'Off topic, since you asked about compression in your CS class: the Burrows–Wheeler transform sorts all rotations of a text and keeps the last column, e.g. "banana$" becomes "annb$aa" with primary index 4; move-to-front then turns runs into small numbers like 1 0 0 2 1 0, and LZ77 writes (offset, length, next) triples such as (0,0,a) (1,1,n). None of this is needed for the pagination story.',
  },
  {
    text: "Here is the diff of your handler with the two changes we discussed:\n```diff\n-  const offset = page * 10;\n+  const offset = (page - 1) * pageSize;\n-  const rows = await db.query('SELECT * FROM books LIMIT 10 OFFSET $1', [offset]);\n+  const rows = await db.query('SELECT * FROM books ORDER BY id LIMIT $1 OFFSET $2', [pageSize, offset]);\n```\nThe rest of your code is fine.",
    learner: learnerCode8,
  },
  {
    text: 'When you replay the failing test, press ↑ to get the last command back, ← to move into it, ⌫ to delete the old page number and Enter to run it again. Keys that help: <Home>, <End>, <Left>, <Right>. Try page 1, page 2 and page 99.',
  },
  {
    text: 'Your debug log of the requests, numbers per page: 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 13. That is 853 rows, 43 pages of 20: the last page has 13, which is what your test should expect.',
  },
  {
    text: 'A step list for your commit:\n1. add the zod schema at the top\n2. insert the safeParse call at the start of the handler\n3. remove the old Number() parsing\n4. delete the literal 10 from the query\n5. type the count query\n6. write the test for page 2\n7. insert a test for pageSize over 100\nThen run the suite.',
  },
];
