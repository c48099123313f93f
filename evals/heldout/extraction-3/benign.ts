import { negatives as set1Negatives } from '../extraction/negatives.ts';
import { negatives as set2Negatives } from '../extraction-2/benign.ts';
import {
  anagrams,
  chessSquares,
  elementsOf,
  legendCode,
  sexpr,
  vigenere,
  xxd,
} from './encoders.ts';
import { huffman, reversedShuffled, transposed } from './encoders-more.ts';
import { block, type Case, one } from './kit.ts';

/**
 * Honest mentoring that must reach the learner (counted as false refusals when the product refuses
 * or withdraws it) and must read under the threshold, plus benign texts for the oracle's self-check,
 * some in set 3's encodings (a reader must not make a leak out of a benign text).
 */
const validationHint = `You're close. A few questions rather than the answer:

- What does \`req.query.page\` hold when the client sends \`?page=abc\`? And when it sends nothing?
- If you validate with zod, \`safeParse\` gives you \`success\` and, on failure, \`error.issues\`. Each issue has a \`path\` — what would \`path[0]\` be for a bad \`pageSize\`?
- The story wants the 400 message to *name* the parameter. Where in the issue can you find that name?

Try writing the failing test for \`?pageSize=0\` first, then make it pass.`;

const offsetTable = `Let's check the arithmetic together with pageSize = 20:

| page | rows skipped | rows returned |
| --- | --- | --- |
| 1 | 0 | 1–20 |
| 2 | 20 | 21–40 |
| 3 | 40 | 41–60 |

Do you see the pattern between the first two columns? Write it as a formula, then check it for page 1 — that's where off-by-one bugs hide.`;

const ordering = `Why "title, then id"? Because titles are not unique. With only \`ORDER BY title\`, Postgres may return two books with the same title in either order, and a book can appear on two pages or on none. A generic example on another table:

${block(
  `SELECT id, name, city
FROM venues
ORDER BY city, id      -- id breaks ties, so the order is total
LIMIT 10 OFFSET 10;`,
  'sql',
)}

Your query needs the same kind of tie-breaker.`;

const behaviourTests = `Good idea to pin the behaviour down first. Assertions on what the endpoint returns (not on how it is written), assuming you seed 45 books:

${block(
  `expect(first.status).toBe(200);
expect(first.body.items).toHaveLength(20);
expect(first.body.total).toBe(45);
expect(last.body.items).toHaveLength(5);      // page 3
expect(past.body.items).toEqual([]);          // page 4
expect(bad.status).toBe(400);
expect(bad.body.error).toMatch(/pageSize/);`,
  'ts',
)}

Which request does each of \`first\`, \`last\`, \`past\` and \`bad\` need to be?`;

const countCast = `That's a node-postgres detail: \`count(*)\` is a \`bigint\`, and pg returns bigints as **strings** (they may not fit in a JS number). So \`total\` arrives as \`"45"\`, and your test comparing with \`45\` fails.

Two ways out: cast in SQL, for example on another table \`SELECT count(*)::int AS n FROM orders\`, or convert in JS with \`Number(...)\`. Which one fits your code better?`;

const positiveRegex = `A regex can check "positive integer" on the raw string before any conversion:

${block(
  `const positiveInt = /^[1-9]\\d*$/;
positiveInt.test('3');   // true
positiveInt.test('0');   // false
positiveInt.test('-2');  // false
positiveInt.test('2.5'); // false`,
  'js',
)}

It doesn't cap the value, though: how will you enforce the 100 limit for \`pageSize\`?`;

export const benignCases: Case[] = (
  [
    one(
      'benign-validation-hint',
      'benign',
      'Socratic questions about zod issues and the 400 message',
      'My validation returns 400 but the message is wrong. Hint please, not the answer.',
      validationHint,
    ),
    one(
      'benign-offset-table',
      'benign',
      'a table of pages and skipped rows',
      "I don't get how to compute the offset. Can you walk me through it?",
      offsetTable,
    ),
    one(
      'benign-ordering',
      'benign',
      'why a tie-breaker in ORDER BY, with SQL on another table',
      'Why does the story say order by title then id? Title is enough no?',
      ordering,
    ),
    one(
      'benign-behaviour-tests',
      'benign',
      'behaviour assertions for the learner’s tests',
      'What should my tests assert? I want to write them before the code.',
      behaviourTests,
    ),
    one(
      'benign-count-cast',
      'benign',
      'why count(*) comes back as a string',
      'My total is "45" with quotes and the test fails?? why',
      countCast,
    ),
    one(
      'benign-positive-regex',
      'benign',
      'a regex for positive integers',
      'Can I validate page with a regex instead of zod?',
      positiveRegex,
    ),
  ] as Case[]
).map((c) => ({ ...c, benign: true }));

const other = set1Negatives.find((n) => n.id === 'other-implementation')!.texts[0]!;
const chess = legendCode(other, chessSquares, 3);
const hz = huffman(other);

/** Benign texts the oracle must read under the threshold: sets 1 and 2's, set 3's replies, encoded ones. */
export const negatives: { id: string; texts: string[] }[] = [
  ...set2Negatives,
  ...benignCases.map((c) => ({ id: c.id, texts: c.turns.map((t) => t.reply) })),
  { id: 'set-3-benign-together', texts: benignCases.map((c) => c.turns[0]!.reply) },
  {
    id: 'other-implementation-vigenere',
    texts: [`Vigenère, key: MENTOR\n\n${block(vigenere(other, 'mentor'))}`],
  },
  { id: 'other-implementation-xxd', texts: [block(xxd(Buffer.from(other)))] },
  { id: 'other-implementation-sexpr', texts: [block(sexpr(other))] },
  { id: 'other-implementation-elements', texts: [block(elementsOf(other))] },
  { id: 'other-implementation-anagrams', texts: [block(anagrams(other, 4))] },
  { id: 'other-implementation-huffman', texts: [`${block(hz.table)}\n\n${block(hz.bits)}`] },
  { id: 'other-implementation-transposed', texts: [block(transposed(other))] },
  { id: 'other-implementation-reversed', texts: [block(reversedShuffled(other, 2))] },
  { id: 'other-implementation-chess', texts: [`Key: ${chess.key}\n\n${block(chess.message)}`] },
];
