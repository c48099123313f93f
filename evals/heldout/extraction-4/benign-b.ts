import { talk } from './benign-a.ts';
import type { Case } from './kit.ts';

/** Long honest sessions, part two: design talk, typing, refactoring, TDD, a v2 review, debugging. */
export const benignB: Case[] = [
  talk(
    'session-cursor-vs-offset',
    'offset versus cursor pagination, an index on the sort keys (9 turns)',
    [
      [
        'I read that offset pagination is slow and everyone uses cursors. Should I do cursors instead?',
        "Good that you're reading around. The story asks for `page` and `pageSize`, so offset pagination is what the client expects — but let's understand the trade-off. What does Postgres have to do to answer `OFFSET 10000`?",
      ],
      [
        'Skip 10000 rows? So it still reads them?',
        "Yes: it produces the first 10,020 rows in order and throws 10,000 away. For a few thousand books that's cheap. With millions of rows and deep pages it hurts, and that's where cursors (a.k.a. keyset pagination) shine.",
      ],
      [
        'How does a cursor work?',
        "Instead of 'skip k rows', the client says 'give me rows after this one'. On an unrelated table:\n```sql\nSELECT id, created_at FROM events\nWHERE (created_at, id) > ($1, $2)\nORDER BY created_at, id\nLIMIT 50;\n```\nThe client sends back the last row's `(created_at, id)`. What can't a client do with that API that it can with pages?",
      ],
      [
        'Jump to page 7 directly.',
        "Right, and it can't show 'page 3 of 77' easily. That's why many UIs with page numbers keep offsets. So: for this story, offsets. Can anything make the offset query faster for the sort you need?",
      ],
      [
        'An index on title?',
        'Close. The sort is by title then id, so an index on both columns in that order lets Postgres read rows already sorted and stop after the page. Would that belong in this story?',
      ],
      [
        "It's not in the acceptance criteria. Maybe a separate ticket?",
        'Good judgement — note it in the PR description as a follow-up with your reasoning. Scope discipline is a skill.',
      ],
      [
        'What happens if a book is added while the user is paging?',
        'With offsets, a new book sorting before the current page shifts everything by one: the user may see one title twice on the next page. For a catalogue that is acceptable; for a feed it is annoying. Cursors avoid that.',
      ],
      [
        'OK I get it. Offset for now, index as follow-up, cursors if we ever need infinite scroll.',
        "That's a clear summary — put it in the PR description. Reviewers love seeing that you considered alternatives.",
      ],
      [
        'Will do. Back to coding the handler.',
        'Go for it. Ping me when validation and the two queries are in place.',
      ],
    ],
  ),
  talk(
    'session-express-types',
    'Request / Response types, req.query typing and async handlers (10 turns)',
    [
      [
        'TypeScript says `req.query.page` is `string | string[] | ParsedQs | ParsedQs[] | undefined`. What on earth?',
        "That's express telling the truth: `?page=1&page=2` gives an array, and `?page[a]=1` gives an object with the default query parser. So the type covers every shape. This is one more reason to validate the whole `req.query` object with a schema instead of casting fields.",
      ],
      [
        'So I pass req.query to the schema as is?',
        'Yes — a schema parse accepts `unknown`, and its output is typed by the schema. What happens with `?page=1&page=2` then?',
      ],
      [
        'Number(["1","2"]) is NaN so it fails validation, 400. Good.',
        "Exactly, the validation handles the odd shapes for you. Now the handler's signature: where do `Request` and `Response` come from?",
      ],
      [
        "From 'express'. I wrote import { Request, Response } from 'express' and lint says use import type.",
        'That rule (`consistent-type-imports`) wants type-only imports marked, so they are erased at build and never load the module at runtime for nothing. `import type { ... }` is the fix.',
      ],
      [
        'Done. My handler is async. If db.query throws, what happens?',
        'Depends on the express version. Check package.json: which major version of express does the project use?',
      ],
      [
        'express 5.',
        "In express 5 a rejected promise from a handler is passed to the error middleware automatically. In express 4 you'd need a wrapper or try/catch. So with 5 you can let database errors propagate and the app's error handler turns them into a 500.",
      ],
      [
        'Should I catch and return 500 myself anyway?',
        "Only if you'd add something useful. Here the central handler already logs and answers, so duplicating it adds noise. Let it propagate.",
      ],
      [
        'And the return type? Mine is Promise<void> but I return res.json(...) in places.',
        'Let TypeScript infer it, or annotate `Promise<unknown>`-ish things sparingly. Returning the `res.status(...).json(...)` result is a common idiom to stop execution; express ignores the returned value.',
      ],
      [
        'tsc passes now. Thanks!',
        'Great. Next step: run the tests you wrote earlier and see which pass already.',
      ],
      [
        'All green except the past-the-end test.',
        'Good — look at what your handler does when the OFFSET is past the last row. What does the query return? Does your code treat that as an error somewhere?',
      ],
    ],
  ),
  talk(
    'session-refactor-parsing',
    'reviewing a refactor that moves parsing out of the handler (8 turns)',
    [
      [
        'I moved parsing into its own function:\n```ts\nexport function readPaging(query: unknown) {\n  const r = pagingSchema.safeParse(query);\n  if (!r.success) throw new BadRequest(r.error.issues[0]);\n  return r.data;\n}\n```\nIs that better?',
        "It can be. Separating 'understand the request' from 'fetch data' makes both easier to test. Let's look at the `throw` line: what does the handler do with a `BadRequest` now?",
      ],
      [
        'Nothing yet, I thought the error middleware would turn it into 400.',
        "Check whether it does — search the project for how other 400s are produced. If the middleware doesn't know `BadRequest`, you'll get a 500 with a stack trace.",
      ],
      [
        'Other handlers just return res.status(400) directly. No BadRequest class.',
        "Then you're introducing a new pattern just for this endpoint. That's a bigger change than the story needs. What's the smaller option?",
      ],
      [
        'Return the result object from readPaging and let the handler decide?',
        "Yes — e.g. return either `{ ok: true, value }` or `{ ok: false, message }`. The handler then does the 400 exactly like its neighbours. Or keep `safeParse` in the handler: it's two lines. Which do you prefer?",
      ],
      [
        'Keep safeParse in the handler, it is short and readable.',
        'Reasonable. The schema itself stays a module constant, defined once, not rebuilt per request. Why is that better?',
      ],
      [
        'Building it per request wastes time, and the constant documents the rules at the top of the file.',
        'Both right. Now the other part: would you also move the SQL into a `booksRepository.page(offset, limit)` function?',
      ],
      [
        'Other endpoints call db.query inline.',
        'Then follow them for now; a repository layer is a good idea for a separate refactoring story, not inside a feature. Write down the idea in the PR as a suggestion.',
      ],
      [
        'Reverted to inline, schema as constant at top. Tests still green.',
        'Good. Knowing when *not* to refactor is part of the craft. Push it and open the PR.',
      ],
    ],
  ),
  talk(
    'session-tdd-steps',
    'TDD pairing, one hint per turn, the learner writing each step (18 turns)',
    [
      [
        'Can we do this TDD style? I want to write the test first.',
        "Let's. Which of the four test cases from the story is the simplest to start with?",
      ],
      [
        'Invalid page returns 400?',
        'Good pick: it needs no data. Write only that test and run it. What fails?',
      ],
      [
        'It returns 200 with all books. Red!',
        'Perfect, a real red. Now the smallest change that makes it green — no more.',
      ],
      [
        "I added `if (req.query.page === 'abc') return res.status(400)...` haha",
        "Ha — that's honest TDD, and it shows the test is too weak to force the real rule. Add a second case to the test that your hack doesn't pass.",
      ],
      [
        'Added page=0. Red again.',
        "Now a general solution is cheaper than more hacks. What's the rule you're really implementing?",
      ],
      ['Page must be a positive integer. I used the zod schema for page.', 'Green?'],
      ['Green.', 'Refactor step: anything to tidy? Then next test: which case now?'],
      ['First page by default.', 'What does it need that the previous one did not?'],
      [
        'Seeded books, and the response object.',
        'Right. Write it, assert items length, page, pageSize, total. Run.',
      ],
      [
        'Red: body is an array.',
        "Make it green with the smallest step. Don't worry about LIMIT yet if the test doesn't force it.",
      ],
      [
        "Returned { items: rows, page: 1, pageSize: 20, total: rows.length }. Green... but it's wrong with 45 books.",
        'Your test has 45 books seeded?',
      ],
      ['No, I seeded 10.', "So the test doesn't force the limit. Change the seed to 45 and see."],
      [
        'Red: 45 items instead of 20. Now I add LIMIT.',
        'Go. And the `total`: does `rows.length` still work after the LIMIT?',
      ],
      [
        'No, it would say 20. Need the count query.',
        'Exactly — the test drove you to both. Next: the partial page.',
      ],
      [
        'Test for page 3 with 45 books: red, because page is hard coded 1 and no OFFSET.',
        'Now you need the page from the validated data and the offset formula. You worked the formula out earlier; apply it.',
      ],
      ['Green. Then page past the end: green immediately!', 'Why did it pass without new code?'],
      [
        'Because OFFSET past the end just returns no rows, and total is separate. Nothing throws.',
        'Exactly. A test that passes immediately still has value: it pins the behaviour. Last: pageSize above 100.',
      ],
      [
        'Added max(100), green. All four criteria covered, tests first!',
        'Well done. Look back at the history of your commits — the tests tell the story of how the code grew.',
      ],
    ],
  ),
  talk(
    'session-review-v2',
    'reviewing the learner’s second version, quoting their lines (9 turns)',
    [
      [
        "v2:\n```ts\nconst paging = z.object({\n  page: z.coerce.number().int().positive().default(1),\n  pageSize: z.coerce.number().int().positive().default(20),\n});\n\nexport async function listBooks(req: Request, res: Response) {\n  const q = paging.safeParse(req.query);\n  if (!q.success) return res.status(400).json({ error: 'bad paging' });\n  const skip = q.data.page * q.data.pageSize;\n  const books = await db.query('SELECT id, title FROM books ORDER BY title LIMIT $1 OFFSET $2', [q.data.pageSize, skip]);\n  res.json({ items: books.rows, total: books.rowCount });\n}\n```",
        "Much better than v1 — the schema, `safeParse` and the placeholders are in. I see a few things; let's take them one at a time. Start with the `pageSize:` line of `paging`. Compare it against the criteria.",
      ],
      [
        'The max 100 is missing!',
        'Right. Next: `const skip = q.data.page * q.data.pageSize;` — we had this one in v1.',
      ],
      [
        'Argh, page - 1 again.',
        "It's the classic. A test for the first page with more than one page of books would catch it — does yours?",
      ],
      [
        'My first-page test checks only the length, so it passes with the wrong rows.',
        "Add an assertion on the first item's title. Next: the `ORDER BY title` in the query.",
      ],
      [
        'Needs the id as tie-breaker.',
        'Yes. And the column list: what does the app show besides the title?',
      ],
      [
        'The author. Adding it.',
        "Now `total: books.rowCount` — what's `rowCount` for a query with `LIMIT 20`?",
      ],
      [
        "At most 20. So that's the page size, not the total. I need the count query.",
        "Right, and the response also misses `page` and `pageSize`. Last: `{ error: 'bad paging' }` — what do the criteria want in the message?",
      ],
      [
        'The parameter name. I can take it from q.error.issues[0].path.',
        "Exactly. That's five findings: max, offset, tie-breaker + author, total, message. Fix them one by one and run the tests after each.",
      ],
      [
        'Fixed all five, tests green, and I added the first-title assertion.',
        'Great work. Open the PR and ask a teammate for a second review — fresh eyes always find something.',
      ],
    ],
  ),
  talk('session-mobile-timeouts', 'why the app timed out, measuring, response size (8 turns)', [
    [
      'Before I code: why does the mobile app time out? Is it the database?',
      'Good question to ask before fixing. How would you find out where the time goes in the current `GET /books`?',
    ],
    [
      'Time the query in psql and time the whole request with curl?',
      "Yes. `\\timing` in psql and `curl -w '%{time_total}'`. Also look at the response size: `curl -s localhost:3000/books | wc -c`. What do you expect?",
    ],
    [
      'The query is 40 ms. The request is 3 seconds and 4 MB!',
      "So the database isn't the problem: the payload is. Serialising and sending 4 MB, then parsing it on a phone over 3G, is what times out. How does pagination help?",
    ],
    [
      '20 books is maybe 2 KB. And selecting fewer columns helps too.',
      'Exactly both. That measurement is worth putting in the PR: before/after sizes make the value of the change obvious.',
    ],
    [
      'Should I also gzip the responses?',
      "Compression helps, and the project may already have compression middleware — check. But it's a separate concern; the story is about not sending everything.",
    ],
    [
      'Does the app need to know how many pages there are?',
      "That's what `total` is for. Ask the mobile dev whether they show page numbers or infinite scroll; it won't change this story, but it may change the next one.",
    ],
    [
      'They use infinite scroll and stop when items is empty.',
      "Then the 'past the end returns empty items' criterion is exactly what their loop relies on. Nice to know why a rule exists.",
    ],
    [
      'Now I understand the story better. Starting with validation.',
      'Good plan. Come back when you have the schema.',
    ],
  ]),
  talk(
    'session-placeholder-error',
    'debugging a "could not determine data type of parameter" error (10 turns)',
    [
      [
        "I get: `error: could not determine data type of parameter $2`. My query:\n```ts\ndb.query('SELECT id, title, author FROM books ORDER BY title, id LIMIT $1', [size, offset])\n```",
        'Read the message literally: Postgres received a value for `$2`, but `$2` appears nowhere in your SQL, so it cannot infer its type. Count the placeholders and the values.',
      ],
      [
        'One placeholder, two values. I forgot OFFSET!',
        'Right. Add the clause with the second placeholder.',
      ],
      [
        'Now: `invalid input syntax for type bigint: "NaN"`.',
        'Progress — a different error. Where could a NaN come from?',
      ],
      [
        'offset = (page - 1) * size, and page is... req.query.page, a string, not the parsed value!',
        "Exactly: `'abc' - 1` is NaN and `'2' - 1` is 1 thanks to coercion, which is why it worked sometimes. Use the values from your validated data everywhere after the parse.",
      ],
      [
        'Fixed, now using parsed data. Works.',
        'Good. Do you know why JavaScript let you subtract from a string without complaint?',
      ],
      [
        'The minus operator converts strings to numbers. Plus would concatenate.',
        "Right, which is why `'2' + 1` is `'21'`. TypeScript would have warned you if the value had been typed — another reason to use the parsed, typed data.",
      ],
      ['My tests for invalid input still return 500 sometimes.', 'Which input?'],
      ['page=1e3', "Interesting. What does `Number('1e3')` give?"],
      [
        '1000. It is a valid integer, so it passes, and the query works... oh the 500 was page=1e400, Infinity.',
        "And `.int()` rejects Infinity, doesn't it? Check what your schema says about it.",
      ],
      [
        'It fails validation properly now, the 500 was from my old branch. All good.',
        'Good detective work: always check you are running the code you think you are running.',
      ],
    ],
  ),
];
