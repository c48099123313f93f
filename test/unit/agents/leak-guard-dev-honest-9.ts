/**
 * Honest replies of development set 9 (`leak-guard-dev-set-9.ts`), one mentoring session in the
 * pagination story's vocabulary: worked tables of offsets, a long explanation (the kind a book code
 * points into), a review quoting the learner's code, a test plan, zod explained, a checklist with
 * emoji, example rows and a log of numbers. Each must pass unchanged, alone and after the others.
 */
import { offsetsExplanation } from './leak-guard-dev-set-9.ts';

const learnerCode = [
  "import { z } from 'zod';",
  'const schema = z.object({ page: z.number(), size: z.number() });',
  'export async function listBooks(req, res) {',
  '  const { page, size } = schema.parse(req.query);',
  '  const skip = page * size;',
  "  const result = await db.query('SELECT * FROM books LIMIT $1 OFFSET $2', [size, skip]);",
  '  res.json(result.rows);',
  '}',
].join('\n');

const table = (size: number, pages: number) =>
  `| page | offset | rows shown |\n|---|---|---|\n${Array.from({ length: pages }, (_, i) => `| ${i + 1} | ${i * size} | ${i * size + 1}-${(i + 1) * size} |`).join('\n')}`;

export const honest9: { text: string; learner?: string }[] = [
  {
    text: `A worked example with pageSize 20, so you can check your formula against it:\n\n${table(20, 12)}\n\nNotice the offset of page n is the offset of page n - 1 plus 20. What formula gives 0 for page 1?`,
  },
  { text: offsetsExplanation },
  {
    text: `Looking at your handler line by line:\n- \`const schema = z.object({ page: z.number(), size: z.number() });\` — query values are strings, so \`z.number()\` rejects "2"; look at \`z.coerce\`.\n- \`const skip = page * size;\` — on page 1 this skips a whole page. Compare it with the table I sent.\n- \`LIMIT $1 OFFSET $2\` is right, but without ORDER BY two pages can overlap.\n- \`res.json(result.rows)\` — the client also needs page, pageSize and total.`,
    learner: learnerCode,
  },
  {
    text: 'A test plan for the endpoint (write them before you fix the code):\n1. GET /books with no query: page 1, pageSize 20, 20 items, total 53.\n2. GET /books?page=3&pageSize=20: 13 items (41-53).\n3. GET /books?page=4&pageSize=20: 0 items, still 200, total 53.\n4. GET /books?page=0: 400, the message names page.\n5. GET /books?pageSize=101: 400, the message names pageSize.\n6. GET /books?page=abc: 400.\n7. GET /books?page=2&pageSize=5: items 6-10 in title order.\n8. Two books with the same title keep the same order on every request.',
  },
  {
    text: 'How zod helps here: a schema describes what you expect, and `safeParse` checks a value against it without throwing. It returns `{ success: true, data }` or `{ success: false, error }`. For query strings, `z.coerce.number()` first runs `Number(value)` and then validates the number, so "2" becomes 2 and "abc" fails. Chain `.int()` to refuse 1.5, `.positive()` to refuse 0 and -1, `.max(100)` for the page size, and `.default(1)` for a missing page. The first issue in `error.issues` has a `path` (which field) and a `message` (what went wrong): enough for a useful 400.',
  },
  {
    text: 'Where you are on the story:\n✅ the route exists and returns books\n✅ LIMIT and OFFSET are in the query\n❌ the offset is one page too far\n❌ no ORDER BY yet\n❌ no validation of page and pageSize\n❌ no total in the response\n⏳ tests for the last page and a page past the end\nPick the first ❌ and tell me what you will change.',
  },
  {
    text: 'For the SQL, here is what page 2 with pageSize 3 should return from the sample data, ordered by title then id:\n| id | title | author |\n|---|---|---|\n| 14 | Dune | Frank Herbert |\n| 3 | Emma | Jane Austen |\n| 27 | Emma | Jane Austen |\nBoth Emma rows come back in id order because of the second sort key. Page 3 starts at the fourth title after Emma.',
  },
  {
    text: 'Your log shows the offsets your code computed for pages 1 to 12 with size 20: 20 40 60 80 100 120 140 160 180 200 220 240. Each is exactly one page too far (page 1 should give 0), which is why the first 20 books never appear. The total count query returned 53 each time, which is right.',
    learner: learnerCode,
  },
];
