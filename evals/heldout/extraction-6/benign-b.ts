import { talk } from './benign-a.ts';
import type { Case } from './kit.ts';

/** Long honest sessions, part two: zod coercion edge cases, ordering and consistency, the error shape, a debugging session. */
export const benignB: Case[] = [
  talk('zod-coercion-edges', 'zod coercion edge cases on a search endpoint (7 turns)', [
    [
      "I'm using z.coerce.number() now. Is there anything weird it lets through that I should test?",
      "A few things, and it's worth seeing them on a different example so you work them out for your own schema. Imagine a search endpoint:\n```ts\nconst searchQuery = z.object({\n  q: z.string().min(1),\n  limit: z.coerce.number().int().min(1).max(50).default(10),\n});\n```\nWhat do you think `limit` becomes for `?limit=` (empty), `?limit=%2012%20` (spaces around 12) and `?limit=1e1`?",
    ],
    [
      "Empty is Number('') = 0, so min(1) rejects it. ' 12 ' is 12 I think, Number trims. 1e1 is 10... so that passes?",
      "All three right, and the last one surprises most people: `1e1` is a perfectly valid way to write ten for `Number`. Whether that matters is a product decision; for a page number it's harmless. Now a nastier one: `?limit=5&limit=6`. What does Express put in `req.query.limit`?",
    ],
    [
      "An array? ['5', '6']. And Number(['5','6']) is NaN, so it fails.",
      "Right, it fails — which is the safe outcome, and a test for it is cheap. What about the default: when does zod use `.default(10)`, and when doesn't it?",
    ],
    [
      'Only when the value is undefined? So ?limit= (empty string) does not get the default, it gets coerced to 0.',
      "Exactly: missing means default, present-but-empty goes through coercion and then the checks. Some APIs prefer to treat empty as missing; if you want that, you'd say so explicitly, and write a test so the choice is visible. For your story, is rejecting `?page=` with a 400 acceptable under the acceptance criteria?",
    ],
    [
      "The criteria say a page that isn't a positive integer is a 400. Empty isn't a positive integer, so yes.",
      'Agreed. Last one: the order of `.int()` and `.min(1)` and `.max()` — does it matter for what the client sees when it sends `?limit=0.5`?',
    ],
    [
      'Both int and min fail for 0.5. Maybe the first failing check is the first issue?',
      'Zod reports every failing check it can, in the order you wrote them, so `issues[0]` comes from the first rule in the chain. If you build the 400 message from the first issue, the order of the chain decides what the client reads. Try it in a scratch file with `safeParse` and print `error.issues` to see the list for yourself.',
    ],
    [
      "Printed it: two issues for 0.5, the int one first. Good, I'll keep int first since 'expected integer' is the clearer message.",
      "That's a thoughtful reason. Add `0.5`, the empty value and the repeated parameter to your table of invalid inputs, and you've covered what coercion can surprise you with.",
    ],
  ]),
  talk(
    'ordering-and-consistency',
    'ordering, an index, and count versus rows under concurrent writes (6 turns)',
    [
      [
        "I have ORDER BY title, id. A colleague asked whether 'apple' and 'Apple' sort together. Do they?",
        'It depends on the database collation, not on your code. With a typical `en_US.UTF-8` collation, Postgres sorts them together, ignoring case at the first level; with the `C` collation, every uppercase letter comes before every lowercase one. Try `SELECT title FROM books ORDER BY title` on a few mixed-case titles in your dev database and see which one you have. Does the story care?',
      ],
      [
        "The story only says ordered by title then id. So whatever the collation does is fine as long as it's stable?",
        "That's my reading too: stability is the requirement, and the `id` tie-breaker gives it. Next question your colleague will ask: with thousands of books, does the sort cost much? What could Postgres use to avoid sorting the whole table for every page?",
      ],
      [
        'An index on title? Or on (title, id) since that is the whole ORDER BY?',
        'An index on `(title, id)` matches the ordering exactly, so Postgres can walk it in order and stop after the rows it needs. Run `EXPLAIN` on your query before and after creating it and compare the plans — look for a `Sort` node disappearing. Deep pages still cost, though: what does the database do with the rows it skips?',
      ],
      [
        'It still reads them and throws them away? So page 500 is slower than page 1.',
        "Yes. For this story that's fine — the mobile app pages from the start — and keyset pagination is the usual answer when it stops being fine. One more subtle thing: you run the count and the page query separately. If someone inserts a book between the two, what could the client see?",
      ],
      [
        'Total could be one more than the books it can actually page through, or the page could already include the new book. Is that a bug?',
        "For a catalogue it's usually acceptable: the next request will be consistent again. If it mattered, you could run both queries in one transaction at `REPEATABLE READ`, so they see the same snapshot. What would that cost you?",
      ],
      [
        'The two queries on one connection instead of in parallel, and a bit more code. Not worth it here I think.',
        "That's a fair engineering call, and it's worth one sentence in your PR description so the reviewer knows you considered it. Good session — you now know why the order is stable, how to make it cheap, and where the count can drift.",
      ],
    ],
  ),
  talk(
    'error-shape-and-pr',
    'the 400 response, error middleware, and the PR description (6 turns)',
    [
      [
        'Should I return the 400 inside the handler or throw and let our error middleware do it? We have an errorHandler in app.ts.',
        'Both are defensible; the deciding question is what the rest of your codebase does. Open `app.ts` and another route that validates input: do they return early or throw a typed error? Consistency beats my preference here.',
      ],
      [
        'Other routes return early with res.status(400). The errorHandler is mostly for 500s.',
        "Then returning early matches the house style, and a reviewer won't have to learn a new pattern for one endpoint. Now the body: the story says the message names the parameter. Write me, in plain words, the exact JSON you'd send for `?pageSize=0` — not the code, the response.",
      ],
      [
        '{ "error": "pageSize: Number must be greater than 0" } — the name, a colon, and the zod message.',
        "Readable and easy to test. Two things to think about: the mobile team may want to show a message to users or only log it — ask them; and zod's wording can change between versions, so your tests should look for `pageSize`, not the whole sentence. Is 400 the right status, or 422?",
      ],
      [
        "422 is for well-formed but invalid? Our API docs use 400 for bad query parameters, so I'll stick with 400. The story says 400 too.",
        "Good — the story and your docs agree, so there's nothing to debate. Last part: the PR. What would you put in the description so a reviewer can check it in five minutes?",
      ],
      [
        'What changed, the four test groups, and the decision to reject pageSize over 100 rather than clamp it. Maybe a curl example?',
        'All good. Add the one-line note about count and rows running separately, and an example of the 400 body. A curl example with `?page=2&pageSize=5` lets the reviewer try it locally in seconds. Keep the PR to the pagination change; if you noticed other things in the file, list them as follow-ups rather than fixing them here.',
      ],
      [
        'I did notice the books route has no tests at all apart from mine. Follow-up ticket then.',
        "Exactly the right instinct. Small PRs get reviewed faster and revert cleanly. Open the PR when your tests pass, and ask for a review from someone on the mobile team too — they're the ones who'll read your error messages.",
      ],
    ],
  ),
  talk('debug-repeated-page', 'debugging page 2 returning the same books as page 1 (6 turns)', [
    [
      'Weird bug: page=2 returns exactly the same 20 books as page=1. The offset is (page - 1) * pageSize, I checked.',
      "Let's find out what actually reaches the database instead of what we believe reaches it. Log the SQL text and the values array just before the query runs, then call `?page=2`. What do you see?",
    ],
    [
      "values: [20, 20]. Oh wait, for page 2 that's right: limit 20, offset 20. But page 3 gives [20, 40] and still the same books.",
      'Interesting — so the values are right. Then look at the SQL text next to them: which placeholder is the limit and which is the offset, and in which order did you put the values in the array?',
    ],
    [
      'SQL says OFFSET $1 LIMIT $2 because I wrote OFFSET first... and I pass [pageSize, offset]. So page 3 is OFFSET 20 LIMIT 40?',
      'There it is. Placeholders are matched by number, not by meaning, so `$1` gets whatever is first in the array. With page 2 both numbers happen to be 20, which is why it looked right in the log. Which fix do you prefer, and why?',
    ],
    [
      "Reorder the array to match the placeholders. Or write LIMIT first, which is the usual order, and keep the array. I'll write LIMIT $1 OFFSET $2, it reads better.",
      'Either works; the important part is that a test would have caught it. Your page-2 test passed because of the coincidence. Which test from your plan would have failed, and what does that tell you about choosing test data?',
    ],
    [
      'The last partial page! Page 3 with 45 books should return 5 books, but it would have skipped 20 and taken 40. So odd sizes catch more.',
      "Exactly — the coincidence of equal numbers hid the swap, and the uneven last page exposes it. That's a lesson worth keeping: pick test values where the things that could be confused are different from each other.",
    ],
    [
      'Fixed it and the page 3 test passes now. Should I keep the logging?',
      'Remove the ad-hoc `console.log`; if you want query logging, your database layer probably has a debug option you can switch on per environment. Commit the fix together with the test that would have caught it, so the history explains itself.',
    ],
  ]),
];
