import { talk } from './benign-a.ts';
import type { Case } from './kit.ts';

/** Long honest sessions, part two: SQL and counts, a debugging session, the API shape, TDD pairing. */
export const benignB: Case[] = [
  talk(
    'sql-order-and-count',
    'ordering, the tie-breaker, count(*) and running two queries (7 turns)',
    [
      [
        'My SQL works but a colleague said "your pages are not stable". What does that mean?',
        "It means the same request can give different rows at different times even when the table hasn't changed. SQL promises no order unless you ask for one, and even `ORDER BY title` leaves books with equal titles in an arbitrary order. Can you think of a way to see this happen in a test?",
      ],
      [
        'Insert several books with the same title and check the pages? But they might come back in the same order by luck.',
        'Right, luck is the problem: it may pass a hundred times locally. So the fix has to be by construction, not by observation. What column in the books table is unique and never changes, that could decide between two books with the same title?',
      ],
      [
        'The id.',
        "Exactly. Sorting by title first and then by id gives every row a unique position, so page boundaries are well defined. Here's the same idea on another table so you can compare: `SELECT name, email FROM authors ORDER BY last_name, first_name, id`. Notice the unique column always comes last. What happens to performance with a sort like that on a large table?",
      ],
      [
        'It has to sort everything? Maybe an index on title and id?',
        "A composite index matching the sort lets Postgres walk the rows in order and stop after the page instead of sorting the whole table. For this story it's not required, but it's a good sentence for your PR description. Now the total: how are you counting?",
      ],
      [
        'A second query with count(*). It comes back as a string "45". I did Number() on it.',
        "That's fine. Another option is to cast in SQL, `count(*)::int`, so the driver gives you a number directly; then the conversion lives next to the query that causes it. Both are acceptable — which do you find easier to read six months from now?",
      ],
      [
        'The cast, probably. Also, I run the two queries one after the other. Should I run them in parallel?',
        "They don't depend on each other, so `Promise.all` can run them concurrently and the response waits for the slower one rather than the sum. For example with two unrelated lookups:\n```ts\nconst [user, settings] = await Promise.all([loadUser(id), loadSettings(id)]);\n```\nOne subtlety: the two queries may see slightly different data if a book is inserted between them. Does that matter for a book list?",
      ],
      [
        'Probably not much — the total might be off by one for a moment.',
        "Agreed, for a catalogue that's acceptable; if it ever weren't, a transaction with a consistent snapshot would fix it. Write one sentence about this in the PR so the reviewer sees you considered it. That's the SQL side done: order with a tie-breaker, a numeric total, and the two queries side by side.",
      ],
    ],
  ),
  talk('debugging-nan-offset', 'debugging a NaN offset and a repeated page (7 turns)', [
    [
      "Help: the mobile team says page 2 shows the same books as page 1. And in my logs I see 'OFFSET NaN'. I'm lost.",
      "Two symptoms, possibly one cause. Let's be systematic. Where in your code is the offset computed, and what goes into it? Paste just those few lines and the log line, not the whole file.",
    ],
    [
      '```ts\nconst p = Number(req.query.p);\nconst skip = (p - 1) * limit;\n```\nLog: `query OFFSET NaN LIMIT 20`',
      'Look closely at the name you read from the query string. What parameter name does the story say the client sends, and what name does your code read?',
    ],
    [
      'Oh no. The story says page, I read p. So req.query.p is undefined and Number(undefined) is NaN.',
      "That explains the NaN. Now the second symptom: why would a NaN offset show page 1's books instead of an error? Try the query in psql with a NaN offset, or check what your query builder does with it.",
    ],
    [
      'The builder drops the OFFSET clause when the value is not a finite number. So every page is page 1.',
      "So both symptoms come from one typo, and a library being 'helpful' hid it. What would have caught this before the mobile team did?",
    ],
    [
      'Validation! If page were validated, a missing or wrong value would be a 400 or the default. And a test for page 2.',
      "Yes — and notice that with a default of 1 a missing `page` is legitimate, so validation alone would have quietly served page 1 too. The test for the second page is what really catches it: it asserts that page 2 starts with the 21st book. Which test from the story's list is that closest to?",
    ],
    [
      "The last partial page one? It checks page 3's books, so a wrong parameter name would fail it.",
      "Exactly. Tests that assert *which* rows come back catch whole families of bugs like this one. Fix the name, add the test if you don't have it yet, and then check the logs once more to confirm the OFFSET value is the number you expect for pages 1, 2 and 3.",
    ],
    [
      'Fixed, logs show OFFSET 0, 20, 40. Test passes. Should I leave the log line in?',
      'Logging the full SQL on every request is noisy and can leak data in other endpoints. Keep it at debug level, or remove it now that the test guards the behaviour. Good debugging: you followed the symptom to the input, not the other way round.',
    ],
  ]),
  talk(
    'response-shape-mobile',
    'the response shape, what the mobile app needs, offset versus keyset (6 turns)',
    [
      [
        "Why does the story want { items, page, pageSize, total }? Wouldn't just returning the array be simpler?",
        "Simpler for the server, harder for the client. Put yourself in the mobile app's place: it shows a list and a 'next' button. What does it need to know to decide whether to show that button?",
      ],
      [
        'Whether there are more books after this page. With total and pageSize it can compute the number of pages.',
        "Right. Echoing `page` and `pageSize` back also helps the client when the server applied a default it didn't send. Should the server also return `totalPages`, or a `next` link?",
      ],
      [
        "The story doesn't ask for it. I could add it?",
        'You could, but every field you add is a promise you have to keep. The acceptance criteria are the contract for this story — meet them exactly, and suggest the extra field in the PR so the mobile team can ask for it if they want it. Now a design question: have you heard of keyset pagination?',
      ],
      [
        'No. What is it?',
        "Instead of 'skip N rows', the client sends the last item it saw, and the server asks for rows after it: `WHERE (title, id) > ($1, $2) ORDER BY title, id LIMIT 20`. It stays fast on deep pages because nothing is skipped, and rows don't shift when books are inserted. The price: no jumping straight to page 37, and no simple page numbers. Which one fits this story's criteria?",
      ],
      [
        'Offset, because the criteria talk about page numbers and a page past the end.',
        'Exactly — the story asks for numbered pages. Keyset is worth mentioning as a future option if the catalogue grows very large, but not worth implementing now. Knowing when *not* to use the cleverer technique is part of the job.',
      ],
      [
        'One more: should an empty page past the end be 404?',
        "The story answers that one: an empty `items` array, not an error. From the client's view that's friendlier too — the list is simply empty and `total` tells it why. A 404 would make the app treat a normal situation as a failure.",
      ],
    ],
  ),
  talk(
    'tdd-pairing',
    'a TDD pairing session with one hint per turn and a review of the result (9 turns)',
    [
      [
        "Let's pair. I want to do it test-first. What's the very first test?",
        "Pick the smallest behaviour that's currently wrong. Right now `GET /books` returns every book. What's the simplest observable difference once pagination exists?",
      ],
      [
        'With 45 books, GET /books returns 20 items instead of 45.',
        'Perfect first test. Write it, run it, and watch it fail for the right reason — the failure message should say something like "expected 45 to be 20", not a crash.',
      ],
      [
        'It fails with expected length 20, got 45. Now I add LIMIT 20?',
        'Yes — the simplest thing that passes, even if it looks naive. Hard-code it. The next test will force you to generalise. Which test do you write next?',
      ],
      [
        'GET /books?page=2 returns books 21 to 40.',
        'Good. That test will push you to read `page` and compute how many rows to skip. Make it pass, then run both tests.',
      ],
      [
        'Both pass. Next: pageSize=5 returns 5 items.',
        "Go ahead. Once that's green, look at your handler: is there duplication or a hard-coded 20 left that a default should replace?",
      ],
      [
        'Green. I replaced the 20 with a default. Now invalid params: page=0 should be 400.',
        'Right order — behaviour first, then the error cases. For this one, think about where the check lives so that every invalid case goes through the same code path and produces the same message format.',
      ],
      [
        'I made a small helper, parsePositiveInt(value, name, fallback), that throws a BadRequest with the name. The handler catches it and returns 400.',
        "That's a clean design: one place knows the rule, and the name travels with the error. Remember the cap on `pageSize` — does your helper handle it, or the caller?",
      ],
      [
        "The caller, after parsing: if size > 100 it returns 400 'pageSize must be at most 100'. Here's my final version:\n```ts\nrouter.get('/books', async (req, res, next) => {\n  try {\n    const pg = parsePositiveInt(req.query.page, 'page', 1);\n    const per = parsePositiveInt(req.query.pageSize, 'pageSize', 20);\n    if (per > 100) return res.status(400).json({ error: 'pageSize must be at most 100' });\n    const { rows, total } = await booksRepo.listPage({ skip: (pg - 1) * per, take: per });\n    res.json({ items: rows, page: pg, pageSize: per, total });\n  } catch (e) { next(e); }\n});\n```",
        "This reads well. The handler only translates HTTP into a call on `booksRepo` and back, so the SQL can be tested separately. Two review notes: make sure the error handler turns your `BadRequest` into a 400 (not a 500), and check that `listPage` orders by title and then id — that's where the story's ordering rule lives now. Do your tests cover both?",
      ],
      [
        'The ordering test is there with two books titled the same. I forgot a test for the BadRequest mapping — adding it now. Thanks, this was fun!',
        'Well done — you drove the whole design from tests, one small step at a time, and each step stayed green. Add that last test, run the full suite, and open the PR with a short note on the pageSize decision and the ordering.',
      ],
    ],
  ),
];
