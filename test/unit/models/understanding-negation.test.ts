import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../../../evals/dataset.ts';
import type { UnderstandingCase } from '../../../evals/dataset-schemas.ts';
import { normalizePhrases } from '../../../src/models/rules/paraphrase.ts';
import { assessUnderstanding } from '../../../src/models/rules/understanding.ts';
import { invarianceClashes } from '../../../src/models/rules/understanding-invariance.ts';
import {
  boundClashes,
  confinementClashes,
  repetitionClashes,
} from '../../../src/models/rules/understanding-limits.ts';
import { quantities, quantityClash } from '../../../src/models/rules/understanding-quantities.ts';
import { formatTally, tallyByGroup } from './generalise-measure.ts';

/**
 * Issue 13 item 5, understanding: correct restatements phrased with negations and limits ("can't be
 * more than 100", "never shows more than 10", "doesn't need to", "without an account", "zero
 * transactions") are not misunderstandings, and restatements that state what the story forbids are.
 * evals/datasets/understanding-negation.jsonl was written before the rules were changed: correct
 * 15/20 and forbids 9/19 before, 20/20 and 18/19 after (still missed: "if there isn't enough stock
 * the order still goes through"). The restatements below were written once the rules passed that set,
 * as a second look in other words: 8/15 on that first version (7/15 before any change), 13/15 after
 * (still missed: a limit "counted separately on each server" against "shared across all servers", and
 * internal calls included against "internal calls are not rate limited").
 */
const report: string[] = [];
const dev = parseDataset(
  readFileSync('evals/datasets/understanding-negation.jsonl', 'utf8'),
  'understanding-assessment',
  'understanding-negation.jsonl',
);

describe('understanding: the rules dev set of negated and forbidding restatements', () => {
  const groups = tallyByGroup(
    (dev.cases as UnderstandingCase[]).map((c) => ({
      ...c,
      group: c.expected.level === 'correctUnderstanding' ? 'negatedCorrect' : 'forbids',
    })),
    (c) => {
      const out = assessUnderstanding(c.input, '');
      return {
        ok: out.verdict === c.expected.level,
        got: `${out.verdict} ${out.wrongPoints[0] ?? ''}`,
      };
    },
    (c) => `${c.id} ${c.input.restatement}`,
  );
  report.push(formatTally('understanding-negation.jsonl', groups));

  it('reads every correct restatement phrased with a negation or a limit as correct', () => {
    expect(groups.get('negatedCorrect')!.misses).toEqual([]);
  });

  it('reads restatements that state a forbidden behaviour as misunderstandings (one known miss)', () => {
    expect(groups.get('forbids')!.misses.length).toBeLessThanOrEqual(1);
  });
});

describe('understanding: a second look in other words', () => {
  const pag = {
    title: 'Add pagination to the book list endpoint',
    description:
      '`GET /books` currently returns every book in the catalogue in one response. Return the list one page at a time.',
    acceptanceCriteria: [
      '`GET /books` accepts optional `page` (1-based, default 1) and `pageSize` (default 20) query parameters',
      '`pageSize` is limited to 100; a `page` or `pageSize` that is not a positive integer returns 400 with a message naming the parameter',
      'The response body is `{ items, page, pageSize, total }` and books are ordered by title, then id',
      'Requesting a page past the end returns an empty `items` array, not an error',
      'Unit tests cover the first page, the last partial page, a page past the end and invalid parameters',
    ],
  };
  const upload = {
    title: 'Attachment uploads',
    description: 'Users attach files to tickets.',
    acceptanceCriteria: [
      'Files up to 10 MB are accepted',
      'At most 5 attachments per ticket',
      'Executable files are rejected with 415',
      'Uploads do not need a virus scan in this story',
    ],
  };
  const sessions = {
    title: 'Remember me',
    description: 'Users can stay logged in on their own devices.',
    acceptanceCriteria: [
      'Ticking "Remember me" keeps the session for 30 days',
      'Without it the session ends when the browser closes',
      'The remember-me cookie is httpOnly and never readable by JavaScript',
      'Logging out ends the session on that device only',
    ],
  };
  const rate = {
    title: 'Rate limit the public API',
    description: 'Protect the public API from abuse.',
    acceptanceCriteria: [
      'Each API key may make at most 100 requests per minute',
      'Requests over the limit get 429 with a Retry-After header',
      'The limit is shared across all servers',
      'Internal calls are not rate limited',
    ],
  };
  const cases: Array<['correctUnderstanding' | 'misunderstanding', object, string]> = [
    [
      'correctUnderstanding',
      pag,
      "GET /books gets optional page (starting at 1) and pageSize (20 by default), and pageSize can't go over 100. Anything that isn't a positive integer is a 400 naming the parameter. The body has items, page, pageSize and total, sorted by title then id. Past the last page we return empty items, not an error. Tests: first page, last partial page, past the end, invalid params.",
    ],
    [
      'correctUnderstanding',
      pag,
      'Paginate GET /books with page (default 1) and pageSize (default 20, never above 100); non-positive or non-integer values return 400 that names the parameter. Response { items, page, pageSize, total } ordered by title, then id; a page beyond the end gives an empty items array rather than an error. Unit tests for the first page, the partial last page, a page past the end and bad params.',
    ],
    [
      'misunderstanding',
      pag,
      'GET /books takes page and pageSize (defaults 1 and 20). A pageSize above 100 is fine, we just return that many books. Invalid values give 400 naming the parameter; body is { items, page, pageSize, total } ordered by title, then id; past the end returns empty items. Tests for first, last partial, past the end, invalid.',
    ],
    [
      'misunderstanding',
      pag,
      'page and pageSize params with defaults 1 and 20, pageSize up to 100, invalid values 400 with the parameter name, { items, page, pageSize, total } by title then id, and a page past the end returns a 404 error. Tests for first page, last partial page, past the end, invalid input.',
    ],
    [
      'correctUnderstanding',
      upload,
      "Users can attach files of 10 MB or less to a ticket, no more than 5 per ticket. Executables are refused with a 415. We don't need to scan for viruses in this story.",
    ],
    [
      'correctUnderstanding',
      upload,
      'A ticket takes at most 5 attachments, none larger than 10 MB; executable files get 415; virus scanning is out of scope here, it does not need to happen yet.',
    ],
    [
      'misunderstanding',
      upload,
      'Files up to 10 MB, as many attachments per ticket as the user wants, executables rejected with 415, no virus scan needed.',
    ],
    [
      'misunderstanding',
      upload,
      'Attachments can be up to 50 MB, at most 5 per ticket; executables get 415 and there is no virus scan in this story.',
    ],
    [
      'correctUnderstanding',
      sessions,
      'With "Remember me" ticked the session lasts 30 days; without it, it ends when the browser is closed. The cookie is httpOnly so JavaScript can never read it, and logging out only ends the session on that one device, not on the others.',
    ],
    [
      'misunderstanding',
      sessions,
      'Remember me keeps the session for 30 days, otherwise it ends when the browser closes. The cookie is httpOnly. Logging out signs the user out on all their devices.',
    ],
    [
      'misunderstanding',
      sessions,
      'If remember me is ticked the session lasts 30 days, otherwise until the browser closes. The token is kept in localStorage so the frontend JavaScript can read it, and logout ends the session on that device.',
    ],
    [
      'correctUnderstanding',
      rate,
      "An API key can't make more than 100 requests a minute; beyond that it gets a 429 with Retry-After. The limit is shared by all servers, not per server, and internal calls aren't limited at all.",
    ],
    [
      'correctUnderstanding',
      rate,
      'No API key gets over 100 requests per minute: the next ones get 429 and a Retry-After header. Counting is shared across every server. Internal calls skip the limit.',
    ],
    [
      'misunderstanding',
      rate,
      'Each API key gets at most 100 requests per minute, counted separately on each server, and requests over the limit get 429 with Retry-After. Internal calls are not limited.',
    ],
    [
      'misunderstanding',
      rate,
      'Every caller, internal services included, is limited to 100 requests per minute per API key, shared across servers; over the limit they get 429 with a Retry-After header.',
    ],
  ];

  it('gets at least 13 of the 15 verdicts right, and calls no correct restatement wrong', () => {
    const results = cases.map(([expected, story, restatement]) => ({
      expected,
      got: assessUnderstanding({ story, restatement }, '').verdict,
      restatement,
    }));
    const misses = results.filter((r) => r.got !== r.expected);
    report.push(
      `second look: ${results.length - misses.length}/${results.length}\n${misses.map((m) => `    got ${m.got}: ${m.restatement.slice(0, 100)}`).join('\n')}`,
    );
    expect(misses.length).toBeLessThanOrEqual(2);
    expect(misses.filter((m) => m.expected === 'correctUnderstanding')).toEqual([]);
  });
});

describe('understanding: the readings behind it', () => {
  it('reads a negated comparison as a bound', () => {
    expect(normalizePhrases("pageSize can't be more than 100")).toBe('pageSize maximum 100');
    expect(normalizePhrases('We never show more than 10 suggestions')).toBe(
      'We show maximum 10 suggestions',
    );
    expect(normalizePhrases('It does not exceed 90 days')).toBe('It maximum 90 days');
    expect(normalizePhrases('There is no way to restore it')).toBe('cannot restore it');
  });

  it('reads "zero" before a preposition or a condition as a value, not as "no"', () => {
    // Found by bench/: "zero for an empty cart" was read as "no empty cart" and the restatement
    // judged a misunderstanding, so every bench session stalled in RE_EXPLAIN_STORY.
    const cart = {
      title: 'Add a cart total',
      description: 'Show the total price of the items in the shopping cart.',
      acceptanceCriteria: ['The total sums the item prices', 'An empty cart has a total of zero'],
    };
    for (const restatement of [
      'Show the total price of the cart items: sum the item prices, zero for an empty cart',
      'The cart shows the sum of item prices, and zero when the cart is empty',
      'Sum the item prices; the total is zero if the cart is empty',
    ])
      expect(assessUnderstanding({ story: cart, restatement }, '').verdict).toBe(
        'correctUnderstanding',
      );
    expect(
      assessUnderstanding(
        {
          story: cart,
          restatement: 'Sum the item prices; zero items means there is no cart total',
        },
        '',
      ).verdict,
    ).not.toBe('correctUnderstanding');
  });

  it('ties a bound to the setting it follows, and lets a value inside it agree', () => {
    const story = quantities(
      normalizePhrases('`pageSize` defaults to 25 and cannot be more than 100'),
    );
    const [asked] = quantities('a pageSize of 500');
    const [within] = quantities('a pageSize of 50');
    expect(quantityClash(asked!, story)?.value).toBe(100);
    expect(quantityClash(within!, story)).toBeUndefined();
  });

  const tokens = {
    title: 'API tokens',
    description: 'Users create tokens.',
    acceptanceCriteria: [
      'The token value is shown only once, when it is created',
      'Logging out ends the session on that device only',
      'A page holds at most 100 items',
      'The lock message does not reveal whether the password was right',
    ],
  };

  it('finds what the story allows once happening again, unless the learner negates it', () => {
    expect(
      repetitionClashes(tokens, 'The token value stays visible so users can copy it again later.'),
    ).toHaveLength(1);
    expect(repetitionClashes(tokens, 'The token value is shown once and never again.')).toEqual([]);
  });

  it('finds a bound lifted or a confinement widened', () => {
    expect(
      boundClashes(tokens, 'A page above 100 items is fine, we return them all.'),
    ).toHaveLength(1);
    expect(boundClashes(tokens, 'A page above 100 items is rejected with 400.')).toEqual([]);
    expect(confinementClashes(tokens, 'Logging out ends the session on all devices.')).toHaveLength(
      1,
    );
    expect(confinementClashes(tokens, 'Logging out ends the session on that device only.')).toEqual(
      [],
    );
  });

  it('reads "does not reveal whether" as an outcome that must not depend on the condition', () => {
    expect(
      invarianceClashes(tokens, 'If the password was right we tell them so in the lock message.'),
    ).toHaveLength(1);
  });

  it('reads a role denied what the story grants as a misunderstanding, and two names for the same people as none', () => {
    const digest = {
      title: 'Daily digest',
      description: 'Users get a daily summary email.',
      acceptanceCriteria: [
        'Users get one digest a day',
        'Users can turn the digest off in settings',
      ],
    };
    expect(
      assessUnderstanding(
        { story: digest, restatement: 'One digest a day; users cannot turn the digest off.' },
        '',
      ).verdict,
    ).toBe('misunderstanding');
    const guests = {
      title: 'Guest checkout',
      description: 'Shoppers can buy without signing up first.',
      acceptanceCriteria: ['Guests can check out without creating an account'],
    };
    expect(
      assessUnderstanding(
        { story: guests, restatement: 'Shoppers can check out without creating an account.' },
        '',
      ).verdict,
    ).toBe('correctUnderstanding');
  });
});

afterAll(() => console.log(report.join('\n')));
