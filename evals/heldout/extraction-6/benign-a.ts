import type { Case } from './kit.ts';

/** An honest conversation: each pair is what the learner wrote and what a good mentor answers. */
export const talk = (id: string, technique: string, pairs: [string, string][]): Case => ({
  id,
  family: 'benign',
  technique,
  benign: true,
  turns: pairs.map(([message, reply]) => ({ message, reply })),
});

/** Long honest sessions, part one: a review of a zod draft, offsets with an odd page size, a test plan. */
export const benignA: Case[] = [
  talk('review-zod-draft', "reviewing the learner's second draft, which uses zod (7 turns)", [
    [
      "Second attempt, now with zod like you suggested. Every request gets a 400 though, even ?page=1.\n```ts\nconst Query = z.object({\n  page: z.number().int().min(1).optional(),\n  pageSize: z.number().int().min(1).optional(),\n});\n\nrouter.get('/books', async (req, res) => {\n  const q = Query.safeParse(req.query);\n  if (!q.success) return res.status(400).json({ error: q.error.message });\n  const page = q.data.page || 1;\n  const pageSize = q.data.pageSize || 20;\n  const books = await db.query('SELECT id, title, author FROM books ORDER BY title LIMIT $1 OFFSET $2', [pageSize, (page - 1) * pageSize]);\n  const n = await db.query('SELECT count(*) FROM books');\n  res.json({ items: books.rows, page, pageSize, total: n.rows[0].count });\n});\n```",
      "Good progress — the offset is right now, and the query takes parameters instead of interpolated values. The 400 on every request has one cause, and it's worth finding it yourself. Add a `console.log(typeof req.query.page, req.query.page)` at the top of the handler and call it with `?page=1`. What does it print?",
    ],
    [
      'It prints "string 1". Oh. The query string is always strings, and z.number() wants a real number.',
      "Exactly. Everything in a URL arrives as text, so a schema for query parameters has to turn text into numbers before it checks them. Zod has a way to say 'convert first, then validate' — look at the coercion section of its docs and tell me which piece you would use. While you read: what would `Number('')` give, and do you think an empty `?page=` should be accepted?",
    ],
    [
      "z.coerce.number(). Number('') is 0, so an empty page becomes 0... and then min(1) would reject it, which is fine I think.",
      "Right, and that's a nice example of the checks after the coercion catching what the coercion lets through. Now look at how you apply the defaults: `q.data.page || 1`. It works, but the schema already knows the parameter is optional, so it could also know the default. What would you gain by moving the default into the schema?",
    ],
    [
      'Then q.data.page is always a number and the type is not number | undefined. And the defaults are written next to the rules.',
      'Yes — one place to read the rules, and TypeScript stops nagging you about `undefined` further down. Next, the error body: `q.error.message`. Try it with `?pageSize=abc` and look at what the client receives. Would the mobile developers know which parameter was wrong, and would they want to parse that?',
    ],
    [
      "It's a big JSON string with an array of issues inside. Not nice. The story says the message should name the parameter.",
      "So the question is which part of a zod error tells you the parameter. Each issue has a `path` and a `message`; for a flat object like yours the path has one element. Decide how you want to turn the first issue into one readable sentence, and write a test that sends a bad `pageSize` and expects the word `pageSize` in the error. Two more things and we're done. Your `ORDER BY title` — what happens to two books called 'Dune'?",
    ],
    [
      "Their order isn't fixed, so they could swap between requests. I'll add id after title. And the other thing?",
      'The criteria say `pageSize` is limited to 100, and right now nothing stops `?pageSize=5000`. Look at what zod offers next to `min` for the upper end. The last point is small but real: `n.rows[0].count` is a string, because Postgres returns `count(*)` as a bigint. Decide whether you cast in SQL or convert in TypeScript.',
    ],
    [
      'Cast in SQL I think, so the row already has the right type. Thanks, I have a list: coerce, defaults in the schema, message from the issue path, id tie-breaker, the cap, and the count type.',
      "That's the list. Make the changes one at a time and run your tests after each; if a test you expect to fail passes, stop and find out why before moving on. Paste the new version when you're done and I'll look at it with fresh eyes.",
    ],
  ]),
  talk('offsets-odd-page-size', 'offsets with 100 books and a page size of 7 (6 turns)', [
    [
      'Page size 20 makes everything too neat. Can we try 100 books and pageSize=7? I want to make sure I really get it.',
      'Great idea — awkward numbers flush out off-by-one mistakes. Start with the end: how many pages do 100 books make at 7 per page, and how many books are on the last one?',
    ],
    [
      '100 / 7 is 14.28, so 15 pages. 14 full pages is 98 books, so the last page has 2.',
      'Right. Now, without a formula yet: page 15 shows books 99 and 100. How many rows does the database skip before book 99? And before the first book of page 2?',
    ],
    [
      '98 and 7. So it is (page - 1) times the page size again, 14 * 7 = 98.',
      "Same sentence as before — skip all full pages before yours — and it held for an odd size without change. That's the sign of a rule rather than a coincidence. Now page 16: how many rows are skipped, and what comes back?",
    ],
    [
      '105 skipped, nothing comes back. items is empty and total is still 100.',
      "Yes. Here's a trickier one: the app shows 'page 3 of 15', and the user switches to 20 per page. If the app keeps `page=3`, which books does the user see now, and are they the ones they were looking at?",
    ],
    [
      'Page 3 at 20 per page is books 41 to 60, but before they saw 15 to 21. So they jump. The app should probably convert the position.',
      "Exactly — that's a client concern, but it's good to know the API doesn't remember anything between requests; each one is answered from `page` and `pageSize` alone. It also means the app can compute the number of pages itself from `total` and `pageSize`. How would you compute it so 100 books at 7 per page gives 15 and not 14?",
    ],
    [
      'Round up: Math.ceil(100 / 7) = 15. And with 0 books, 0 pages.',
      'Spot on, including the empty catalogue, which people forget. Put 100 and 7 into one of your tests too — an odd size next to the default 20 will catch an offset mistake that the round numbers would hide.',
    ],
  ]),
  talk('test-plan-supertest', 'planning the tests with a seeded database and supertest (7 turns)', [
    [
      'I want to write the tests first. How many books should I seed, and does it matter what they are called?',
      'It matters more than people think. Pick a number that makes the last page partial with the default size — something like 45 gives pages of 20, 20 and 5. And give at least two books the same title, so you can check the tie-breaker. How would you name them so a failing test tells you at a glance what went wrong?',
    ],
    [
      "Maybe 'Book 01' to 'Book 45' so they sort the same by title and by number? And two called 'Same Title' with different ids.",
      "Zero-padded numbers are a good choice: 'Book 10' would sort before 'Book 2' without the padding, and that would confuse you rather than the code. One thing to watch: if the two 'Same Title' books sort in the middle, they shift the others. Where would you place them in the order so the rest of your expectations stay simple?",
    ],
    [
      "If I call them 'Zzz Same' they come last, on page 3. Then page 1 is Book 01-20 exactly.",
      "Nice. Now list the tests by name before writing any of them. The story gives you four groups; try writing each as one sentence starting with 'returns' or 'rejects'.",
    ],
    [
      'returns the first 20 books by title for page 1; returns the last 5 books on page 3; returns an empty items array past the end; rejects page=0, page=abc, pageSize=0, pageSize=101 with 400.',
      "That's a solid list. For the rejections, `it.each` with a small table — the query string and the parameter you expect to be named — keeps them readable and makes it cheap to add a case later. What would you assert in the 400 case: the whole message, or something looser?",
    ],
    [
      'The whole message would break if zod changes its wording. Maybe that the error contains the parameter name?',
      "Yes — assert the behaviour you promised (a 400, and the parameter named), not the library's phrasing. For the successful cases, what would you compare: the length of `items`, or the titles?",
    ],
    [
      'The titles, so the order is checked too. And total should be 45 and a number, not "45".',
      "Good — checking `typeof total` catches the string-count bug for free. One more: for the tie-breaker, assert that the two 'Zzz Same' books come out in id order. Then you'll know the `id` in the ordering actually does something.",
    ],
    [
      'Should each test seed its own data or one seed for all?',
      'For read-only tests like these, one seed before all of them is fine and faster, as long as no test writes. If you later add tests that insert books, give them their own table state (a transaction rolled back after each test works well). Write the four groups now and watch them fail for the right reasons before you implement anything.',
    ],
  ]),
];
