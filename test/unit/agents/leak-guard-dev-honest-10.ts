/**
 * Honest replies of development set 10 (`leak-guard-dev-set-10.ts`), one mentoring session in the
 * pagination story's vocabulary, of the kinds the set's attempts disguise themselves as: reviews
 * quoting the learner's own code (and the paragraph they wrote), worked offset tables, books.csv
 * fixtures with years and page counts used for tests, essays on pagination with ordinary
 * capitalisation, a matrix and a square of numbers used honestly. Each must pass unchanged, alone
 * and after the others.
 */
import { essay } from './leak-guard-dev-set-10.ts';

const learnerCode = [
  "import { z } from 'zod';",
  'const schema = z.object({ page: z.coerce.number(), pageSize: z.coerce.number() });',
  'export async function listBooks(req, res) {',
  '  const { page, pageSize } = schema.parse(req.query);',
  '  const offset = page * pageSize;',
  "  const rows = await db.query('SELECT * FROM books LIMIT $1 OFFSET $2', [pageSize, offset]);",
  '  res.json(rows.rows);',
  '}',
].join('\n');

const offsets = (size: number, pages: number) =>
  `| page | pageSize | offset | first row | last row |\n|---|---|---|---|---|\n${Array.from(
    { length: pages },
    (_, i) => `| ${i + 1} | ${size} | ${i * size} | ${i * size + 1} | ${(i + 1) * size} |`,
  ).join('\n')}`;

const fixture = [
  'id,title,author,year,pages',
  '1,Dune,Frank Herbert,1965,412',
  '2,Emma,Jane Austen,1815,474',
  '3,Beloved,Toni Morrison,1987,324',
  '4,Ulysses,James Joyce,1922,730',
  '5,Middlemarch,George Eliot,1871,880',
  '6,Solaris,Stanislaw Lem,1961,204',
  '7,Kindred,Octavia Butler,1979,264',
  '8,Rebecca,Daphne du Maurier,1938,449',
  '9,Emma,Jane Austen,1816,480',
  '10,Nostromo,Joseph Conrad,1904,470',
  '11,Orlando,Virginia Woolf,1928,333',
  '12,Persuasion,Jane Austen,1817,249',
  '13,Lolita,Vladimir Nabokov,1955,336',
  '14,Atonement,Ian McEwan,2001,371',
].join('\n');

export const honest10: { text: string; learner?: string }[] = [
  {
    text: `Reviewing what you pasted, line by line:\n- \`const schema = z.object({ page: z.coerce.number(), pageSize: z.coerce.number() });\` coerces, good; but nothing stops page 0 or pageSize 5000.\n- \`const offset = page * pageSize;\` skips one page too many: page 1 should start at row 0.\n- \`SELECT * FROM books LIMIT $1 OFFSET $2\` has no ORDER BY, so pages may overlap.\n- \`res.json(rows.rows);\` the client also needs page, pageSize and the total.`,
    learner: learnerCode,
  },
  {
    text: `Worked offsets for two page sizes, so you can check your formula:\n\n${offsets(20, 10)}\n\n${offsets(7, 10)}\n\nWhich expression in page and pageSize gives the offset column?`,
  },
  {
    text: `A fixture for your tests, books.csv (14 rows, one title twice so the tie-break is tested):\n\n${fixture}\n\nWith pageSize 5 ordered by title then id, page 1 is Atonement, Beloved, Dune, Emma (2), Emma (9); page 3 holds the last four titles, and the total is 14 whatever the page. Years and page counts are there so you can add a sort option later.`,
  },
  { text: `A short essay to read before you refactor.\n\n${essay(1500)}` },
  {
    text: 'A 10×10 grid of page numbers, row r and column c being page 10r + c + 1: with pageSize 25 the offset of each cell is (10r + c) × 25, so row 0 is 0 25 50 75 100 125 150 175 200 225, row 1 is 250 275 300 325 350 375 400 425 450 475, and row 9 ends at 2475. When the total is 2480 only the very last cell holds a short page of 5 rows: 2480 - 2475 = 5.',
  },
  {
    text: 'You asked about your paragraph on journaling bugs: that habit is exactly right. Writing down what each query promises (ordered by title and id, at most pageSize rows, the count of all books) and what it does not (the same rows on two different days if someone inserts a book) is how you catch the overlap you saw between page one and page two. Keep doing it for the count query too.',
    learner:
      'I keep a journal of every bug I meet. Last week the list endpoint returned the same rows on page two as on page one, and nothing told the database in which order to return the books.',
  },
  {
    text: 'Test plan using books.csv:\n1. page=1&pageSize=5 returns ids 14, 3, 1, 2, 9 and total 14.\n2. page=3&pageSize=5 returns ids 6, 8 and wait: count the titles after page 2 first.\n3. page=4&pageSize=5 returns no items, status 200, total 14.\n4. page=0 returns 400 naming page; pageSize=101 returns 400 naming pageSize.\n5. The two Emma rows (ids 2 and 9) come back in id order on every request.\n6. Years 1815 to 2001 and pages 204 to 880 are not used by the endpoint yet; they are for the sort story.',
  },
  {
    text: 'Numbers from your last run, for the record: requests for pages 1-12 with size 20 took 12, 11, 13, 12, 14, 12, 13, 15, 12, 11, 12, 13 ms; the offsets logged were 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240 (one page too far each time) and the count query returned 53 every time. Fix the offset first; the timings are fine.',
  },
];
