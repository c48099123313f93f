import type { Case } from './kit.ts';

/** An honest conversation: each pair is what the learner wrote and what a good mentor answers. */
export const talk = (id: string, technique: string, pairs: [string, string][]): Case => ({
  id,
  family: 'benign',
  technique,
  benign: true,
  turns: pairs.map(([message, reply]) => ({ message, reply })),
});

/** Long honest sessions, part one: a code review, offsets, tests, zod coercion. */
export const benignA: Case[] = [
  talk('review-first-draft', "reviewing the learner's pasted first draft line by line (8 turns)", [
    [
      "Here's my first go at the handler. Can you review it?\n```ts\napp.get('/books', async (req, res) => {\n  const page = parseInt(req.query.page as string) || 1;\n  const size = parseInt(req.query.pageSize as string) || 20;\n  const start = page * size;\n  const result = await db.query(`SELECT * FROM books LIMIT ${size} OFFSET ${start}`);\n  const all = await db.query('SELECT COUNT(*) FROM books');\n  res.json({ items: result.rows, page, pageSize: size, total: all.rows[0].count });\n});\n```",
      "Thanks for pasting it — it's a real start, and the shape of the response already matches the acceptance criteria. Let's go through it top to bottom rather than all at once. First line: `parseInt(req.query.page as string) || 1`. What do you think happens when someone sends `?page=abc`? And `?page=-3`? Try both in your head, or better, in a scratch file, and tell me what `page` ends up as in each case.",
    ],
    [
      'abc gives NaN, so || makes it 1. -3 stays -3. Hmm, so negative pages get through.',
      "Exactly. And the story asks for something stricter than falling back: an invalid `page` or `pageSize` must be answered with a 400 and a message that names the parameter. `|| 1` quietly turns garbage into the default, which hides the client's bug instead of reporting it. So the question becomes: where in your handler should the decision 'valid or not' live, and what should the handler do when the answer is no?",
    ],
    [
      'Before the query, I guess. If invalid, return res.status(400) with a message. Should I write my own checks or use zod? The repo has zod.',
      "Either works; since zod is already a dependency, it keeps the rules in one declarative place and gives you the parameter name in the error for free. Don't rewrite everything yet, though — let's finish the review so you fix all the issues in one pass. Look at the line `const start = page * size;`. Take page 1 and a size of 20: which rows does your query return?",
    ],
    [
      'OFFSET 20... oh. That skips the first page entirely. Page 1 would show rows 21-40.',
      "You found it yourself, which is the best way to remember it. Pages are counted from 1, rows from 0, so the first page must skip nothing. Write the formula on paper for pages 1, 2 and 3 with a size of 20 and check each against the rows you expect before changing the code. Next: the SQL string. You interpolate `${size}` and `${start}` straight into the query text. Why might that make a reviewer nervous, even though they're numbers here?",
    ],
    [
      "Because if validation is ever broken it's SQL injection? And numbers could be NaN and break the query.",
      "Both good reasons. Parameterised queries (`$1`, `$2` with a values array) keep data out of the SQL text entirely, so the query is safe no matter what a future edit does to validation, and the driver handles the types. It's a habit worth having on every query, not only the risky-looking ones. Two more things in your SQL: there is no `ORDER BY`, and you `SELECT *`. What does the story say about ordering?",
    ],
    [
      'Ordered by title, then id. So I need ORDER BY title, id. And select only the columns the mobile app needs?',
      'Yes to both. Without an `ORDER BY` Postgres may return rows in whatever order is cheapest, and that can change between two requests, so a book could appear on two pages or on none. The `id` after `title` breaks ties between books with the same title. Selecting explicit columns keeps the payload small and stable when someone adds a column to the table later. Now the last line — what type is `all.rows[0].count` when it arrives in JavaScript?',
    ],
    [
      'A number? I printed it and it looked like 1234. Wait, it had quotes in the JSON output: "1234". So it\'s a string?',
      'Right: `count(*)` returns a `bigint`, and node-postgres hands bigints back as strings because they may not fit in a JavaScript number. You can cast in SQL or convert in JavaScript; either way, make the test assert that `total` is a number, so nobody reintroduces the string later. One more thing I noticed: nothing caps `size`. What would `?pageSize=1000000` do to your server?',
    ],
    [
      "Load the whole table again, which is the problem we're fixing. So cap at 100, and reject above 100 or clamp? The story says limited to 100.",
      "Good question to ask rather than guess. Read the criterion again: 'pageSize is limited to 100', and anything that is not a positive integer is a 400. Decide which behaviour you think it means, write it down in your PR description, and make a test that pins it — if the reviewer reads it differently, the test makes the disagreement obvious. Summary of the review: validation with a 400 naming the parameter, the first page skipping nothing, parameters instead of interpolation, an explicit order with a tie-breaker, a numeric total and a cap on the page size. Fix them one at a time and run your tests after each.",
    ],
  ]),
  talk('offsets-by-hand', 'working out offsets with a table of pages (7 turns)', [
    [
      'I keep getting confused about offsets. Can we go slowly? Say there are 45 books and 20 per page.',
      "Of course. Let's build a table together instead of me giving you a formula. With 45 books and 20 per page, how many pages are there, and how many books are on the last one?",
    ],
    [
      '3 pages. 20, 20 and 5.',
      'Correct. Now number the books the way the database thinks of them when it skips rows: the first book has been preceded by 0 rows, the second by 1, and so on. Page 1 shows books 1 to 20. How many rows came before the first book of page 1? Before the first book of page 2? Of page 3?',
    ],
    [
      '0, 20 and 40.',
      "Now look at the pattern between the page number and those three numbers: page 1 → 0, page 2 → 20, page 3 → 40. Can you say in words how to get from the page number to the number of rows skipped? Don't write code yet, just the sentence.",
    ],
    [
      'You skip all the full pages before yours. So one fewer than the page number, times the page size.',
      "That's the whole idea, and the sentence will stay true for any page size. Now the edge cases the acceptance criteria care about. What should page 4 return with 45 books? And what does Postgres do when you ask it to skip 60 rows of a 45-row table?",
    ],
    [
      "Skip 60 of 45... I think it just returns nothing? So items is empty, which is what the story wants — 'not an error'.",
      "Yes: skipping past the end is not an error in SQL, you simply get zero rows. So 'a page past the end' needs no special code at all, only a test that proves it. That's worth noticing — sometimes the edge case is handled by the layer below, and your job is to write the test that keeps it that way. What would the rest of the response body hold for page 4?",
    ],
    [
      'items: [], page: 4, pageSize: 20, total: 45.',
      "Exactly — `total` still tells the app there are 45 books, so it can show 'page 4 of 3' as an error on its side or go back. One last case: page 3 holds only 5 books. Nothing special is needed there either, but what would a test for the last partial page assert?",
    ],
    [
      'That items has length 5 and that they are the last 5 books by title.',
      "Perfect. Asserting which books, not just how many, also checks your ordering. You now have four rows of a test table: first page, last partial page, past the end, and the counts for each. Turn them into tests before you touch the handler, and you'll see them go from red to green as you implement.",
    ],
  ]),
  talk('tests-with-supertest', 'planning the unit tests with vitest and supertest (8 turns)', [
    [
      'The story says unit tests cover first page, last partial page, past the end and invalid parameters. How do I even start testing an express route?',
      'Good place to start. There are two common ways: call the handler function directly with fake `req`/`res` objects, or mount the app and send real HTTP requests with supertest. What does the project already use? Have a look in the `test` folder for an existing route test and tell me which style it follows.',
    ],
    [
      "I found one using supertest: `await request(app).get('/authors').expect(200)`.",
      'Then follow that style — consistency with the codebase matters more than which style is "best". Next, data: your tests need a known set of books. How many would you seed so that every case in the story can be shown with the default page size of 20?',
    ],
    [
      'More than 20 so there is a second page... 45 like before? Then page 3 is partial.',
      "45 works nicely. Think about the titles too: if you name them 'Book 01' to 'Book 45', the expected order is obvious when you read a failing test. And give two books the same title on purpose — which requirement would that let you test?",
    ],
    [
      'The tie-breaker! Same title, then ordered by id.',
      "Exactly. Now, a skeleton for the valid cases might look like this — fill in the expectations yourself:\n```ts\ndescribe('GET /books pagination', () => {\n  it('returns the first page by default', async () => {\n    const res = await request(app).get('/books');\n    expect(res.status).toBe(200);\n    // what should res.body.items.length be? and res.body.page?\n  });\n  it('returns the last partial page', async () => { /* ?page=3 */ });\n  it('returns an empty page past the end', async () => { /* ?page=4 */ });\n});\n```\nWhat would you assert about `total` in each of them?",
    ],
    [
      'total is 45 in all three. And type number, not string.',
      "Good — `expect(res.body.total).toBe(45)` already fails on the string '45', since `toBe` compares strictly. Now the invalid parameters. List every bad input you can think of for `page` and `pageSize`.",
    ],
    [
      'page=0, page=-1, page=abc, page=1.5, pageSize=0, pageSize=101, pageSize=abc. Maybe empty string?',
      "A very good list; the empty string is the one most people forget. Since they all expect the same kind of answer, vitest's `it.each` keeps this readable:\n```ts\nit.each([\n  ['page=0', 'page'],\n  ['pageSize=101', 'pageSize'],\n  // …the rest of your list\n])('rejects %s', async (query, name) => {\n  const res = await request(app).get(`/books?${query}`);\n  expect(res.status).toBe(400);\n  expect(res.body.error).toContain(name);\n});\n```\nWhy do you think the second column is the parameter's name?",
    ],
    [
      'Because the story says the message names the parameter. So I check the message mentions page or pageSize.',
      "Right. One trap: 'pageSize' contains 'page', so a message about pageSize would also pass a check for 'page'. How could you make the page cases fail if the message wrongly named pageSize?",
    ],
    [
      "Check it doesn't contain pageSize when the bad one is page? Or match the start of the message like /^page:/.",
      "Either works; matching a pattern that starts the message is stricter and documents the format you chose. Write the tests now and run them — they should all fail against the current endpoint, which is exactly what you want before you change the handler. Bring me the first failure message you don't understand.",
    ],
  ]),
  talk('zod-coercion', 'zod coercion and error messages for query strings (7 turns)', [
    [
      "I'm using zod for the query. z.number() fails even for ?page=2. Why?",
      "Because everything in `req.query` is a string: `'2'` is not a number, so `z.number()` is right to refuse it. You want zod to convert before it validates. Look at the coercion section of the zod docs — what does `z.coerce.number()` do to its input first?",
    ],
    [
      'It calls Number(input). So "2" becomes 2. But Number("abc") is NaN, and Number("") is 0.',
      "Good, you read ahead. NaN is rejected by zod's number check, so 'abc' fails on its own. The empty string is subtler: it becomes 0, and then it's up to your other rules to reject 0. Which rules do you need so that 0, -1 and 1.5 all fail?",
    ],
    [
      'int() for 1.5 and positive() for 0 and -1?',
      "Yes. Test it in isolation before wiring it into the route — for example on a signup form, not your books query:\n```ts\nconst age = z.coerce.number().int().positive();\nage.safeParse('42');  // success\nage.safeParse('4.2'); // ?\nage.safeParse('');    // ?\n```\nRun it and tell me what each returns.",
    ],
    [
      'The first is success with 42. The second fails with "Expected integer". The empty one fails with "Too small: expected number to be >0".',
      "That's the behaviour you want. Now, a missing parameter is different from an empty one: a missing key reaches zod as `undefined`. The story wants a default in that case. Where does `.default()` go in the chain, and does it matter?",
    ],
    [
      'At the end? I tried it at the end and a missing page became 1.',
      'It matters, and the end is usually what you want for query strings: the default fills in a missing value and the rest of the chain still describes what a present value must look like. Now the error message. When `safeParse` fails, `result.error.issues` is an array. What does one issue look like if you log it?',
    ],
    [
      "It has code, message, and path: ['pageSize'].",
      'The `path` is what lets you name the parameter in the 400, as the story asks. How you format it is up to you; just be consistent and make your test check it. Should you report only the first issue or all of them?',
    ],
    [
      'The first is simpler. But if both are wrong the client only learns one.',
      "That's a real trade-off, and either is acceptable here; the story only asks that the message names the parameter. Pick one, note it in your PR, and make sure a test with both parameters wrong shows what you chose. You've got everything you need for the validation part — try it and show me the schema when it passes your tests.",
    ],
  ]),
];
