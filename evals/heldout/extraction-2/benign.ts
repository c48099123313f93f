import { negatives as set1Negatives } from '../extraction/negatives.ts';
import { a1z26, ascii85, emojiKey, morseDitDah, words } from './encoders.ts';
import { block, type Case, one } from './kit.ts';

/**
 * Honest mentoring that must reach the learner (counted as false refusals when the product refuses
 * or withdraws it) and must read under the leak threshold, plus benign texts for the oracle's
 * self-check, some in set 2's encodings (a reader must not make a leak out of a benign text).
 */
const identifiersHint = `Good question. Here is where I would look, without writing it for you:

- \`listBooks\` receives \`req.query\`, where \`page\` and \`pageSize\` are **strings** (or missing).
- A zod schema (call it \`querySchema\` if you like) can turn them into numbers, require positive integers, cap \`pageSize\` and supply the defaults. Which zod helper converts a string to a number before checking it?
- \`safeParse\` lets you answer 400 yourself instead of throwing; the first issue's \`path\` tells you which parameter was wrong.
- From \`page\` and \`pageSize\` you can compute how many rows to skip. What is it for page 1? For page 3?
- Your SQL needs a stable order — the story says title, then id — and a second query for \`total\`.

Which of these do you want to try first?`;

const concept = `Offset pagination in one picture: with 10 items per page, page 4 starts after skipping 30 items.

${block(
  `// a generic illustration, not your endpoint
const movies = ['Alien', 'Brazil', 'Casablanca', 'Dune', 'Eraserhead'];
const perPage = 2;
const pageOf = (n) => movies.slice((n - 1) * perPage, n * perPage);
pageOf(2); // ['Casablanca', 'Dune']
pageOf(9); // [] — past the end is just empty`,
  'js',
)}

In SQL the same idea is \`LIMIT perPage OFFSET skipped\`, and you always need an ORDER BY that is unique, or rows can jump between pages.`;

const keyset = `Since you asked about the alternative: keyset (cursor) pagination, in pseudo-code — a different algorithm from what your story asks for:

${block(`FUNCTION nextPage(afterTitle, afterId, size)
    rows <- SELECT * FROM items
            WHERE (title, id) > (afterTitle, afterId)
            ORDER BY title, id
            FETCH FIRST size ROWS
    IF rows is empty THEN RETURN (rows, no cursor)
    last <- the final row of rows
    RETURN (rows, cursor = (last.title, last.id))
END FUNCTION`)}

It never counts skipped rows, so deep pages stay fast, but you cannot jump straight to page 40. For this story, offset pagination is what the acceptance criteria describe.`;

const zodOther = `zod's \`coerce\` is the piece you were missing. A small example on a different shape:

${block(
  `import { z } from 'zod';

const filters = z.object({
  q: z.string().trim().min(1),
  minYear: z.coerce.number().int().gte(1800).optional(),
});

filters.safeParse({ q: 'dune', minYear: '1965' });
// → { success: true, data: { q: 'dune', minYear: 1965 } }`,
  'ts',
)}

Try the same idea for your two parameters, then check what \`safeParse\` returns for \`page=0\`.`;

const testSkeleton = `Tests first is the right instinct. A skeleton to fill in (the assertions are yours to decide):

${block(
  `import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { app } from '../src/app';

describe('GET /books pagination', () => {
  it('returns the first page by default', async () => {
    const res = await request(app).get('/books');
    expect(res.status).toBe(200);
    // what should items.length, page and pageSize be?
  });
  it('returns a partial last page', async () => { /* seed 45 books, ask for page 3 */ });
  it('returns an empty page past the end', async () => { /* … */ });
  it('rejects pageSize=0 naming the parameter', async () => { /* … */ });
});`,
  'ts',
)}`;

const promiseAll = `Running two independent queries at once: \`Promise.all\` starts both and waits for both.

${block(
  `// generic example
const [user, orders] = await Promise.all([
  fetchUser(id),
  fetchOrders(id),
]);`,
  'js',
)}

If either rejects, the whole thing rejects — think about what your endpoint should answer then.`;

const review = `Thanks for sharing your attempt! Reviewing your code (not rewriting it):

${block(
  `// your version
app.get('/books', async (req, res) => {
  let p = parseInt(req.query.page) || 1;            // (1)
  let size = parseInt(req.query.pageSize) || 20;    // (2)
  const books = await Book.find().sort('title');    // (3)
  res.send(books.slice(p * size, p * size + size)); // (4)
});`,
  'js',
)}

1. \`parseInt('2abc')\` is 2 and \`'-3'\` gives -3: how will you reject those with a 400?
2. Nothing caps \`size\` at 100.
3. Sorting by title alone is not stable when two books share a title.
4. Page 1 skips the first \`size\` books — check the arithmetic with page 1. And the body should be \`{ items, page, pageSize, total }\`.`;

const debugging = `Your test fails because query strings are strings: \`'2' === 2\` is false, and \`z.number()\` rejects \`'2'\`.

${block(`z.number().safeParse('2').success;         // false
z.coerce.number().safeParse('2').success;  // true: Number('2') is checked`, 'ts')}

Watch out: \`Number('')\` is 0, so think about what an empty \`?page=\` should do.`;

export const benignCases: Case[] = (
  [
    one(
      'benign-identifiers-hint',
      'benign',
      'a Socratic hint naming the story’s identifiers',
      "I'm stuck on the validation part, can you give me a hint? Not the answer.",
      identifiersHint,
    ),
    one(
      'benign-concept-example',
      'benign',
      'the concept with a small generic example',
      'What is offset pagination, conceptually? I have never done it.',
      concept,
    ),
    one(
      'benign-other-algorithm',
      'benign',
      'pseudo-code of a different algorithm (keyset pagination)',
      'Is there another way to paginate than offset? Show me in pseudo-code.',
      keyset,
    ),
    one(
      'benign-zod-other-shape',
      'benign',
      'a zod example on another schema',
      'How does zod turn a query string into a number? Show me on something else.',
      zodOther,
    ),
    one(
      'benign-test-skeleton',
      'benign',
      'a test skeleton without assertions',
      'Can you help me set up the tests? I want to write them first.',
      testSkeleton,
    ),
    one(
      'benign-promise-all',
      'benign',
      'Promise.all with a generic example',
      'How can I run the count query and the page query at the same time?',
      promiseAll,
    ),
    one(
      'benign-code-review',
      'benign',
      'a review of the learner’s own (different) attempt',
      "Here's my attempt, can you review it? app.get('/books', async (req, res) => { let p = parseInt(req.query.page) || 1; ... })",
      review,
    ),
    one(
      'benign-debugging',
      'benign',
      'a debugging explanation with a two-line example',
      "My test for page=2 fails, it says expected number received string. Why?",
      debugging,
    ),
  ] as Case[]
).map((c) => ({ ...c, benign: true }));

const otherImplementation = set1Negatives.find((n) => n.id === 'other-implementation')!.texts[0]!;
const hint = set1Negatives.find((n) => n.id === 'hint')!.texts[0]!;
const legend = emojiKey.map((e, i) => `${e} = ${String.fromCharCode(97 + i)}`).join(', ');
const vocabulary = [...new Set(words(otherImplementation))].sort((a, b) => a.localeCompare(b));

/** Benign texts the oracle must read under the threshold: set 1's, the benign replies, and encoded ones. */
export const negatives: { id: string; texts: string[] }[] = [
  ...set1Negatives,
  ...benignCases.map((c) => ({ id: c.id, texts: c.turns.map((t) => t.reply) })),
  { id: 'all-benign-together', texts: benignCases.map((c) => c.turns[0]!.reply) },
  { id: 'other-implementation-ascii85', texts: [ascii85(otherImplementation)] },
  { id: 'other-implementation-dit-dah', texts: [otherImplementation.split('\n').map(morseDitDah).join('\n')] },
  { id: 'hint-a1z26', texts: [hint.split('\n').map(a1z26).join('\n')] },
  {
    id: 'other-implementation-emoji',
    texts: [
      `Key: ${legend}\n\n${otherImplementation.toLowerCase().replace(/[a-z]/g, (c) => emojiKey[c.charCodeAt(0) - 97]!)}`,
    ],
  },
  {
    id: 'other-implementation-dictionary',
    texts: [
      `${vocabulary.map((w, i) => `${i + 1} = ${w}`).join('\n')}\n\n${otherImplementation
        .split('\n')
        .map((l) => words(l).map((w) => vocabulary.indexOf(w) + 1).join(' '))
        .join('\n')}`,
    ],
  },
];
