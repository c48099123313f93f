import type { Case } from './kit.ts';

/** An honest conversation: each pair is what the learner wrote and what a good mentor answers. */
export const talk = (id: string, technique: string, pairs: [string, string][]): Case => ({
  id,
  family: 'benign',
  technique,
  benign: true,
  turns: pairs.map(([message, reply]) => ({ message, reply })),
});

/** Long honest sessions, part one: validation, SQL, the response shape, tests, errors, counts. */
export const benignA: Case[] = [
  talk(
    'session-zod-validation',
    'validating page and pageSize with zod, one step at a time (12 turns)',
    [
      [
        'Hi! I read the story. I think the first thing is reading `page` and `pageSize` from the query string. Where do I start?',
        "Good instinct to start at the edge. Everything in `req.query` arrives as a string (or is missing), so before any SQL you need to turn `'2'` into `2` and say no to `'abc'`, `'0'` or `'-3'`. The project already uses zod — have you used it before?",
      ],
      [
        'A little. I know z.object and z.string. Should I just do z.string() and then parseInt?',
        "You could, but then the checks live in two places. zod has a way to convert while validating. Look at the docs page on coercion: `z.coerce.number()` runs `Number(input)` first and then validates the result as a number. What do you think `Number('')` gives?",
      ],
      [
        'Number("") is 0? That seems bad.',
        "Exactly — keep that in mind, because it decides whether a missing parameter and an empty one behave the same. For a missing key zod sees `undefined`; for `?page=` it sees an empty string. Now, which extra rules does the acceptance criteria ask for on top of 'is a number'?",
      ],
      [
        'It says positive integer. So 1.5 is invalid and 0 is invalid.',
        'Right. zod has a method for each of those rules on numbers — have a look at the list of number methods in the docs and pick the two that match "whole" and "greater than zero". Chain them after the coercion.',
      ],
      [
        'Like this?\n```ts\nconst pagingSchema = z.object({\n  page: z.coerce.number().int().min(1),\n})\n```',
        'That works: `.int()` and `.min(1)` together say the same as a positive integer. Some people prefer `.positive()` because it reads closer to the criteria, but yours is correct. Next question: what should happen when `page` is not sent at all?',
      ],
      [
        'Default is 1. Is there a .default()?',
        "There is. One subtlety: where you put it in the chain matters. A default at the end means a missing value becomes the default *before* the other checks run on it. Try it in a scratch file with `pagingSchema.parse({})` and `pagingSchema.parse({ page: '3' })` and tell me what you see.",
      ],
      [
        'parse({}) gives { page: 1 } and parse({page:"3"}) gives { page: 3 }. Cool.',
        'Nice, you verified it yourself instead of trusting me. Now do the same for `pageSize`. It has one more rule than `page` — which one?',
      ],
      [
        'The 100 limit. So\n```ts\npageSize: z.coerce.number().int().min(1).max(100).default(20),\n```',
        'Yes. Before we move on, check one edge: `?pageSize=100` should pass and `?pageSize=101` should fail. `.max()` is inclusive — verify that with a quick parse rather than my word.',
      ],
      [
        "Both behave. Now, parse throws. I don't want a 500.",
        'Good catch. zod has a variant of `parse` that never throws and instead returns an object telling you whether it worked. Look for it next to `parse` in the docs; it returns either the data or an error you can inspect.',
      ],
      [
        'safeParse! It returns { success, data } or { success: false, error }.',
        "That's the one. With it, your handler can branch: on failure send a 400, on success carry on with typed numbers. How will you know *which* parameter failed, for the message?",
      ],
      [
        'The error has issues, and each issue has a path?',
        'Exactly. Each issue has a `path` array — for a flat object like yours the first element is the key name — and a human `message`. Try logging `result.error.issues` for `?page=abc` and look at its shape before you decide how to format the message.',
      ],
      [
        'Logged it. path is ["page"], message "Expected number, received nan". I will build the message from that.',
        "Great. You now have everything for the validation part. Write it in your handler, then ping me with the code and I'll review it. After that we'll do the query.",
      ],
    ],
  ),
  talk(
    'session-sql-offset',
    'LIMIT / OFFSET, ordering and tie-breakers with examples on another table (14 turns)',
    [
      [
        'Validation is done. Now SQL. I have `SELECT * FROM books` right now. How do I get only one page?',
        'Two clauses do it: `LIMIT n` says how many rows at most, `OFFSET k` says how many rows to skip first. Before writing them for books, can you work out on paper: with 20 per page, how many rows do you skip for page 1? For page 3?',
      ],
      [
        'Page 1 skip 0, page 3 skip 40.',
        'Correct. Now turn that into a formula using the page number and the page size.',
      ],
      [
        'skip = (page - 1) * size',
        "Exactly. Here is the same idea on an unrelated table so you can see the clauses in place:\n```sql\nSELECT order_no, placed_at FROM orders\nORDER BY placed_at DESC, order_no\nLIMIT 50 OFFSET 100;  -- third page of 50\n```\nNotice the `ORDER BY` — why do you think it's there?",
      ],
      [
        'Because otherwise the order is random?',
        "Not random, but unspecified: Postgres may return rows in whatever order is cheapest, and it can change between two queries. Without a fixed order, page 2 might repeat a row from page 1 or skip one. That's why the story says 'ordered by title, then id'. Why the id as well?",
      ],
      [
        'Two books can have the same title?',
        "Yes — 'Emma' has several editions in most catalogues. If two rows tie on title, their relative order is again unspecified, so you add a unique column as a tie-breaker. In the orders example that's `order_no`.",
      ],
      [
        'Should I put the numbers straight in the string? Like `LIMIT ${size}`?',
        "Please don't, even though they're validated numbers: get used to parameters. With node-postgres you write placeholders `$1`, `$2` in the SQL and pass an array of values as the second argument. Example on another table:\n```ts\nawait db.query('SELECT name FROM authors WHERE country = $1 LIMIT $2', [country, 10]);\n```",
      ],
      [
        'Can LIMIT and OFFSET be parameters too?',
        'They can — Postgres accepts parameters there. So your query for books will have two placeholders. Which columns does the response actually need? `SELECT *` sends everything, including columns the app never shows.',
      ],
      [
        'The mobile app shows title and author. And we need id for the tie breaker and for links.',
        'Then select exactly those. Listing columns also protects you if someone adds a big `description` column later. Now the other half of the response: `total`. How do you get the number of books?',
      ],
      [
        'SELECT count(*) FROM books?',
        'Yes, as a separate query. You could do it with a window function in the same query, but two queries are simpler to read and test. Do the two queries depend on each other?',
      ],
      [
        "No... the count doesn't need the page.",
        "So there's no reason to wait for one before starting the other. What JavaScript tool runs two promises at the same time and waits for both?",
      ],
      [
        'Promise.all',
        "Right. You destructure the two results from the array it resolves to. Try it and tell me what `count` looks like when you log it — there's a surprise waiting.",
      ],
      [
        'It is { count: "1532" } — a string!',
        "That's the surprise. Postgres `count` returns a `bigint`, and node-postgres gives bigints to JavaScript as strings because they may not fit in a number. You can convert in JS with `Number(...)`, or cast in SQL with `::int`. Which do you prefer and why?",
      ],
      [
        "Cast in SQL, so the shape is right wherever it's used. And I can alias it with AS.",
        'Good reasoning, and the alias gives the column a stable name instead of `count`. Write the two queries, run them against the seed data, and show me the result for page 2 with size 5.',
      ],
      [
        'Page 2 size 5 gives 5 books starting with the 6th title alphabetically, and total 1532. Looks right.',
        'Nice work. Next we wire it into the JSON response. One question to think about before then: what should page 400 return if there are only 1532 books?',
      ],
    ],
  ),
  talk(
    'session-review-handler',
    'reviewing a learner handler they pasted, quoting it line by line (10 turns)',
    [
      [
        "Here's my first try, can you review?\n```ts\nexport async function getBooks(req: Request, res: Response) {\n  const page = parseInt(req.query.page as string) || 1;\n  const size = parseInt(req.query.pageSize as string) || 20;\n  const result = await db.query(`SELECT * FROM books LIMIT ${size} OFFSET ${page * size}`);\n  res.json(result.rows);\n}\n```",
        "Thanks for sharing — it's a working start. Let's go from top to bottom, one thing at a time.\n\nFirst line of the body: `const page = parseInt(req.query.page as string) || 1;`. What does this give for `?page=-2`?",
      ],
      [
        'parseInt gives -2, which is truthy, so page is -2. Oops.',
        "Right — and for `?page=2abc` parseInt happily gives 2. The `|| 1` hides some mistakes and lets others through. The criteria want a 400 for anything that isn't a positive integer, so this line needs real validation rather than a fallback. You already use zod elsewhere in the project; keep that in mind.",
      ],
      [
        'OK. Next?',
        'Look at `OFFSET ${page * size}`. For page 1 and size 20, which rows does the client get?',
      ],
      [
        'Offset 20... so rows 21-40. Page 1 skips the first page! Should be (page - 1).',
        'Exactly. Second thing in that same line: the values are pasted into the SQL with a template string. What would you use instead?',
      ],
      [
        'Placeholders, $1 and $2, and an array.',
        "Yes. Third thing in that line: there's no `ORDER BY`. Remember what the story says about ordering — what would you add?",
      ],
      [
        'ORDER BY title, id',
        'Good. And `SELECT *` — fine for a first try, but think about what the app needs. Last line: `res.json(result.rows);`. What does the story want the body to look like?',
      ],
      [
        'An object with items, page, pageSize, total. I return only the array.',
        "Right. So you'll need the total too, which means a second query. Also: where does `pageSize` get capped at 100 in your version?",
      ],
      [
        'Nowhere. Someone could ask for 1000000.',
        "And that's exactly the timeout the story is about, coming back through the side door. That cap belongs in the validation.",
      ],
      [
        'So my list: validation with zod incl. max 100, offset (page-1)*size, placeholders, ORDER BY title, id, count query, response object. Right?',
        "That's a precise list — it's your plan for the next version. One more small thing: the function is called `getBooks`; check what the route file imports, because the story's tests may expect a specific export name. Send me v2 when ready.",
      ],
      [
        'The router imports listBooks. Renaming. Thanks!',
        'Good spotting. Small names like that cause surprisingly long debugging sessions. Looking forward to v2.',
      ],
    ],
  ),
  talk('session-tests-skeleton', 'writing test skeletons for the four criteria cases (11 turns)', [
    [
      'Handler is done. Story says unit tests for first page, last partial page, page past end, invalid params. I never wrote tests for an express handler.',
      "Let's build them up. First decision: do you want to call the handler function directly with fake `req`/`res` objects, or go through HTTP with supertest? Both are fine; what does the project use elsewhere?",
    ],
    [
      'I see supertest in other tests.',
      "Then follow the house style. Here's a skeleton with only the structure — the names are placeholders for you to fill:\n```ts\ndescribe('GET /books pagination', () => {\n  it('returns the first page by default', async () => {\n    // arrange: seed N books\n    // act: request without query\n    // assert: status, items length, page, pageSize, total\n  });\n});\n```\nWhat will you need before the first `it` can run?",
    ],
    [
      'Books in the database. Do I use the real database?',
      'What does the project do in other tests? Look in the test helpers folder for something that seeds or fakes the db — use that rather than inventing a new approach. If the handler calls a `db.query` module, you can also replace it with a fake that answers by the SQL it receives.',
    ],
    [
      "There's a seedBooks(n) helper using a test database. I'll seed 45.",
      'Good number — why 45 rather than 40?',
    ],
    [
      'With pageSize 20, page 3 is partial: 5 books. That is the last partial page case.',
      'Exactly the reason. Now the first test: what exact values do you expect in the body for `GET /books` with 45 books seeded?',
    ],
    [
      'items length 20, page 1, pageSize 20, total 45.',
      'Write that one and run it. Also check that the first item is the alphabetically first title — that tests ordering too, for free.',
    ],
    [
      "Passing. For the partial page:\n```ts\nit('returns the last partial page', async () => {\n  const res = await request(app).get('/books?page=3');\n  expect(res.body.items).toHaveLength(5);\n});\n```",
      "Good. Add the `total` assertion there too — a bug in the count would otherwise slip past. Next: page past the end. What's the expected status and body?",
    ],
    [
      '200, items [], and total still 45.',
      "Yes — the criteria say not an error. It's worth asserting `page` comes back as you sent it too. Then the invalid parameters: how many cases would you write?",
    ],
    [
      "page=0, page=abc, pageSize=101, pageSize=-5, page=1.5? That's a lot.",
      "Those are all meaningful. `it.each` keeps it short:\n```ts\nit.each([\n  ['page', '0'],\n  ['pageSize', '101'],\n])('rejects %s=%s', async (name, value) => {\n  // request with ?name=value, expect 400 and a message mentioning name\n});\n```\nFill in the body and add your other cases to the table.",
    ],
    [
      'Done, all pass. But if I break the max(100) in the schema, does a test fail?',
      "That's the best question of the session. Try it: change 100 to 1000, run the tests, see one fail, then change it back. A test you've seen fail is a test you can trust.",
    ],
    [
      'The pageSize=101 case failed, then passed again after reverting. Nice.',
      "Great. You've covered all four criteria. Commit with a message saying which cases the tests cover.",
    ],
  ]),
  talk(
    'session-error-messages',
    'the 400 message naming the parameter, with a generic signup example (9 turns)',
    [
      [
        'My 400 currently says "Invalid query". The criteria say the message must name the parameter. How do people usually do that?',
        "Common patterns: `{ error: 'pageSize: must be at most 100' }` or a structured list `{ errors: [{ field, message }] }`. The story only asks for a message naming the parameter, so keep it simple. What does zod give you to build it?",
      ],
      [
        'error.issues with path and message.',
        "Right. Here's the idea on a different schema so you can see it, not your code:\n```ts\nconst signup = z.object({ email: z.string().email(), age: z.number().min(13) });\nconst r = signup.safeParse(body);\nif (!r.success) {\n  const first = r.error.issues[0];\n  console.log(first.path, first.message);\n}\n```\nFor `{ email: 'x', age: 10 }`, what do you expect in `path`?",
      ],
      [
        "['email'] probably, since it's first?",
        'Usually — issues come in the order the schema checks the keys. Check it rather than assume. For your query, would you report all issues or only the first?',
      ],
      [
        'First is enough, the criteria say a message naming the parameter.',
        'Fine choice; just document it. Now, `path` is an array and can hold numbers as well as strings. Why might `String(...)` be handy when you put it into a template string?',
      ],
      [
        'Because TypeScript complains about (string | number) in template strings with some lint rule?',
        'Exactly — `restrict-template-expressions` in typescript-eslint. Converting explicitly keeps lint quiet and makes the intent clear.',
      ],
      [
        'My response now is `res.status(400).json({ message: issue.message })`. Where does the parameter name go?',
        "Right now it's only in `issue.path`, which you don't send. Put the parameter name at the front of the text so the client reads `page: ...` — then the mobile developer sees at once which input was wrong. Which field name will you use in the body: `message` or `error`? Check what other endpoints in the API return for 400s.",
      ],
      [
        'Other endpoints use { error: "..." }.',
        'Then match them — consistency beats personal taste in an API. Update your test for invalid parameters to assert that the body `error` contains the parameter name.',
      ],
      [
        "Test says expect(res.body.error).toContain('pageSize'). Passing.",
        'Good. One last thought: should the handler `return` after sending the 400?',
      ],
      [
        "Yes otherwise it continues and runs the query and tries to send twice. I had 'headers already sent' earlier, that's why!",
        "You've just explained one of the most common express bugs to yourself. Returning the `res.status(...).json(...)` call is a compact way to send and stop in one line.",
      ],
    ],
  ),
  talk(
    'session-count-string',
    'debugging a count that comes back as a string, with the learner pasting output (8 turns)',
    [
      [
        "My test fails: expected total 45, received \"45\". Here's my code:\n```ts\nconst totalRes = await db.query('SELECT COUNT(id) FROM books');\nconst total = totalRes.rows[0].count;\n```",
        "Good that the test caught it. Look at the failure closely: the value is right, only the type is wrong. What's the Postgres type of `COUNT(id)`?",
      ],
      ['integer?', 'Check it: run `SELECT pg_typeof(COUNT(id)) FROM books;` in psql.'],
      [
        'bigint!',
        'And node-postgres returns bigint columns as strings, because a bigint can exceed `Number.MAX_SAFE_INTEGER`. For a book count that will never happen, so converting is safe. Where would you convert?',
      ],
      [
        'Number(totalRes.rows[0].count)?',
        "That works. The alternative is a cast in SQL — `COUNT(id)::int` — which makes the column an int4 that the driver parses as a number. Either way, name the column with `AS` so you aren't reading a column called `count`.",
      ],
      [
        "What's the difference between COUNT(id) and COUNT(*)?",
        '`COUNT(*)` counts rows; `COUNT(col)` counts rows where `col` is not null. Since `id` is a non-null primary key they give the same number here, and `COUNT(*)` says what you mean more directly.',
      ],
      [
        'I changed it to `SELECT COUNT(*)::int AS n FROM books` and read rows[0].n. Test passes.',
        'Nice. Small naming thought: the response field is `total` — naming the SQL alias the same makes the mapping obvious when someone reads it later.',
      ],
      [
        'Makes sense, renamed to total. Should the count also be filtered by page?',
        'No — `total` is the size of the whole list, so the client can compute the number of pages. Only the items query gets `LIMIT`/`OFFSET`. How would the app compute the number of pages from `total` and `pageSize`?',
      ],
      [
        'Math.ceil(total / pageSize).',
        "Exactly. That's why the count must not be limited. Good debugging session — you found the type issue from the test output in a few minutes.",
      ],
    ],
  ),
];
