import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asBook } from '../../../agents/leak-books.ts';
import {
  codeTokens,
  guardReply as guardLeaks,
  withEarlierReplies,
} from '../../../agents/leak-guard.ts';
import { mayUnlock } from '../../../agents/leak-keys.ts';
import { diagnoseBlocker } from '../../../src/models/rules/blocker-diagnosis.ts';
import { verifyFix } from '../../../src/models/rules/fix-verification.ts';
import { giveHint } from '../../../src/models/rules/hint.ts';
import { reviewPlan } from '../../../src/models/rules/plan-review.ts';
import { coachReview } from '../../../src/models/rules/review.ts';
import { guardReply, safetyConcern } from '../../../src/models/rules/safety.ts';
import {
  errorPathPattern,
  replaceErrorPaths,
  replaceSourcePaths,
  sourcePathPattern,
} from '../../../src/models/rules/source-paths.ts';
import { assessUnderstanding } from '../../../src/models/rules/understanding.ts';
import { classifyMessage } from '../../../src/sessions/interpret/message-rules.ts';
import { looksLikePlan, looksLikeQuestion } from '../../../src/sessions/interpret/message-shape.ts';
import { parseStory } from '../../../tools/story-loader.ts';
import { parseTsc } from '../../../tools/parse-tsc.ts';
import { measuredBelow } from '../../helpers/growth-ratio.ts';

/**
 * Worst cases for every regular expression that reads user text: each entry point gets ~200 KB of
 * adversarial text and must return, and its time for 4N characters must stay within 8× its time
 * for N (a quadratic pattern gives 16×, an exponential one never returns). Never an absolute
 * time: the machine is shared. `a-` repeated stalled the hint giver for seconds before the fix.
 */
const N = 50_000;

/** `seed` repeated to `length` characters, with a character no pattern expects at the end. */
const pump = (seed: string, length: number) =>
  `${seed.repeat(Math.ceil(length / seed.length)).slice(0, length)}\u0000!`;

/** Best of three timings of `times` calls, per call, in milliseconds (the machine is shared). */
function timeOf(run: () => unknown, times: number): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    for (let j = 0; j < times; j++) run();
    best = Math.min(best, (performance.now() - start) / times);
  }
  return best;
}

/** Calls of `run` needed for about 10 ms, so that fast calls are timed over enough work. */
function callsFor(run: () => unknown): number {
  let times = 1;
  while (times < 32) {
    const start = performance.now();
    for (let j = 0; j < times; j++) run();
    if (performance.now() - start >= 10) break;
    times *= 2;
  }
  return times;
}

/** 4N time over N time for one seed, measured again while high (`measuredBelow`). */
function growth(
  call: (text: string) => unknown,
  seed: string,
): { ratio: number; small: number; large: number } {
  return measuredBelow(() => {
    const [short, long] = [pump(seed, N), pump(seed, 4 * N)];
    const times = callsFor(() => call(short));
    const small = timeOf(() => call(short), times);
    const large = timeOf(() => call(long), times);
    return { ratio: large / Math.max(small, 0.5), small, large };
  }, 8);
}

/** Asserts `call` returns on 4N characters of each seed and grows about linearly from N. */
function expectLinear(call: (text: string) => unknown, seeds: readonly string[]): void {
  call(pump('warm up ', 1000));
  for (const seed of seeds) {
    const { ratio, small, large } = growth(call, seed);
    expect(
      ratio,
      `${JSON.stringify(seed)}: ${small.toFixed(2)} ms → ${large.toFixed(2)} ms`,
    ).toBeLessThan(8);
  }
}

const story = {
  title: 'Add pagination to the book list',
  description: 'Return the list one page at a time.',
  acceptanceCriteria: ['`GET /books` accepts `page` and `pageSize`', 'pageSize is limited to 100'],
  concepts: ['pagination'],
};

describe('rules-mode entry points on adversarial text', { timeout: 120_000 }, () => {
  it('hint giver: file-path-like runs, long words, dots, numbers, backticks', () => {
    expectLinear(
      (s) => giveHint({ message: s, recentErrors: [s], story }, ''),
      ['a-', 'a', 'a/', 'a.', '.', '0', 'a ', '`', '(', '\n', 'the ', '1 '],
    );
  });

  it('blocker diagnosis: digit runs, blank lines, stack-trace shapes, expect( chains', () => {
    expectLinear(
      (s) => diagnoseBlocker({ message: s, recentErrors: [s] }, ''),
      ['0', '\n', '  \n', 'expect( ', 'a ', 'a-', 'A', 'how ', 'or '],
    );
  });

  it('understanding: negations, quotes, numbers, sentences of one long clause', () => {
    expectLinear(
      (s) => assessUnderstanding({ restatement: s, story }, ''),
      ['not ', '“', '"', '1 ', '400 ', 'a:', 'max 1 ', 'a '],
    );
  });

  it('understanding: bounds, negated comparisons, limits to once or to one thing', () => {
    const bounded = {
      ...story,
      acceptanceCriteria: [
        ...story.acceptanceCriteria,
        'The token is shown only once',
        'Logging out ends the session on that device only',
        'pageSize cannot be more than 100',
      ],
    };
    expectLinear(
      (s) => assessUnderstanding({ restatement: s, story: bounded }, ''),
      [
        "can't be more than ",
        'never show more than 1 ',
        'no way to ',
        'zero ',
        'non-',
        'no a ',
        'again ',
        'above 100 is fine ',
        'all devices ',
        'pageSize of 1 ',
        'a cannot b ',
      ],
    );
  });

  it('understanding: the same text as the story itself', () => {
    expectLinear(
      (s) =>
        assessUnderstanding(
          { restatement: 'I will add pages of 20 books.', story: { ...story, description: s } },
          '',
        ),
      ['not ', '“', '1 ', 'sort by a, '],
    );
  });

  it('plan review: headings, list markers, blank lines, code-shaped words', () => {
    expectLinear(
      (s) => reviewPlan({ plan: s, story }, ''),
      ['#', '\n', '- ', '1. ', 'a-', 'aA', '*\n '],
    );
  });

  it('plan review security and access readings: secrets, SQL and shell shapes, code dots, negations', () => {
    const owned = {
      ...story,
      acceptanceCriteria: [...story.acceptanceCriteria, "A user cannot see another user's books"],
    };
    expectLinear(
      (s) => reviewPlan({ plan: s, story: owned }, ''),
      [
        'password ',
        'send the password ',
        'email ',
        'a.b',
        'a/b.',
        "'SELECT ",
        '`WHERE ${',
        "' + x ",
        'f"where ',
        'log the token ',
        'exec(`',
        'only admins ',
        '/:id ',
        'never ',
        'x-user-id ',
      ],
    );
  });

  it('safety: frustration and prompt-injection patterns', () => {
    const seeds = [
      'f*',
      'frustrated ',
      'not ',
      '#',
      '\n',
      '  \n',
      'ignore ',
      'ignore\t',
      'i feel like\t',
      'wow\t',
      'spent e \t',
      '\t',
    ];
    expectLinear((s) => safetyConcern(s), seeds);
    expectLinear((s) => guardReply({ reply: 'ok' }, `ignore${s}`), ['\t', ' ']);
  });

  it('fix verifier and review coach', () => {
    expectLinear(
      (s) => verifyFix({ errorsBefore: [s], errorsAfter: [s], learnerReport: s }, ''),
      ['a-', 'a.', '0', '\\u', 'a/'],
    );
    expectLinear(
      (s) => coachReview({ comments: [s] }, ''),
      ['lgtm ', 'looks good to m', 'nice!', ' '],
    );
  });
});

describe('session text readers and tools on adversarial text', { timeout: 120_000 }, () => {
  it('message intents and shapes', () => {
    expectLinear((s) => classifyMessage(s), ['opened ', 'http://a', '`', '```']);
    expectLinear(
      (s) => [looksLikePlan(s), looksLikeQuestion(s)],
      ['a plan ', 'my plan\t', '1. a ', '\n'],
    );
  });

  it('leak guard: fences, comments, encodings', () => {
    const referenceSolution =
      'export function listBooks(req, res) {\n  const offset = (page - 1) * pageSize;\n  return res.json({ items });\n}';
    expectLinear(
      (s) => guardLeaks(s, { referenceSolution }),
      ['```', '`', '/*', '\n', 'a-', 'QUJD', '\\u0041', 'a '],
    );
    expectLinear((s) => codeTokens(s), ['\n', '  \n', '\r', '/*', '"a', '"a\\', "'a\\"]);
  });

  // Legends, word lists, number words, the rarer byte encodings (leak-legends.ts), numerals and
  // token codes (leak-numerals.ts, leak-tokens.ts): each seed at up to 200 KB through every reading
  // takes ~2 s, so they run as tests of their own (each with its own time limit).
  const legendSeeds = [
    ['🍎 = a\n', '1. a\n', 'x: y, ', '["a", ', '[a, ', '1 ', 'one hundred and ', 'M!', '<~'],
    ['=3d', 'a\n\n', 'abcdefghijklmnopq\n\n', '"1": "a", ', "'", 'a1z ', '["[", ', 'abcdefgh '],
    // Roman numerals, digit words, base58, Morse words and symbols, Polybius, tagged positions.
    ['mcmxc ', 'one-', 'dit-', 'didah ', '▪▬ ', '(2,3) ', '[17]=a ', '| 1 | a\\|'],
    [`M${'!'.repeat(60)}\n`, '1: ', 'a1', ' , |', '12', 'dit dah | ', '#1 → "a\\'],
    // Composite symbols, positions said in words or after the token, fields keyed by name.
    ['\u200d', '👩\u200d', '🇫', '1\ufe0f\u20e3', 'token 1 is ', 'a@1 ', 'a@', '"ab": "c", '],
    // Also LZ77 copies that ask for more than any text and word diffs (leak-codes.ts, leak-replays.ts).
    ['| a | 1 |\n', '| a ', '|1|', '3yQ4 ', '27 1 ', '(1,99999,a) ', '{+a+}[-b-]'],
    // Character codes in any layout (words between them dropped), binary of 16 bits, prefixes.
    ['0b1 ', '0o7,', 'x9\\', 'u0069 ', '1010101010101010 ', '105,\n      ', 'a1 b2 ', 'Code(1, '],
    // Number sequences under transforms (leak-integers.ts): signs, fractions, exponents, BigInt,
    // `69h`, bare hex, thousands, a base named per code, base 62, long digit strings.
    ['-1.5e+3n, ', '3a ', '69h ', '12,345 ', '101_2 ', '7 (base 8) ', 'Ab ', '1234567890'],
    // Stated rules, tokens decoded in place, Unicode names, labelled pieces, dealt words, glossaries
    // (leak-stated.ts, leak-keys.ts): rules without end, runs without separators, names in a row.
    [
      'caesar+1 a ',
      'rot13 ',
      'polybius key ',
      'polybius ',
      'aGVsbG8g',
      'aGVs ',
      '#6d7061 ',
      '0x6d',
    ],
    // Also edit logs and keystrokes replayed (leak-replays.ts): every line an edit, repeated keys.
    [
      'LATIN SMALL LETTER A, ',
      'SPACE ',
      'L1: a\n',
      '"line1": "a", ',
      '| Falcon | const |\n',
      'insert "a" at 1\n',
      '←×999',
      '"Left", ',
    ],
    ['a — b\n', 'Ann: a b c d e f g h\n\n', 'reversed a ', '{"a":"b",', '|1|a|\n', 'shift 3 '],
    // Numbered chunks and printed grids (leak-chunks.ts, leak-tokens.ts): labels without end,
    // rows of single letters, pairs of coordinates, names and number words in a chunk.
    [
      '#1 [a] 23 14\n',
      '#1 [',
      '| 1 | a | b | c | d | e | f |\n',
      '1  a  b  c ',
      '(12) one hundred and ',
      '2314 ',
      'a  ',
    ],
    // Stated ciphers and covers (leak-ciphers.ts, leak-covers.ts): key-table lines, Hill and LFSR
    // statements, square rows, strides, capitals as bits, CSV rows of numbers.
    [
      'a = 101 202 303\n',
      'hill [[3, 5], [2, 7]] mod 97 1 2 ',
      '0  a b c d e f g h i j\n',
      'bifid ',
      'lfsr 0xB400 0xACE1 ab ',
      'every 37th character ',
      'AbCdEfGh ',
      '1,Dune,1932,205\n',
    ],
  ];
  for (const [i, seeds] of legendSeeds.entries()) {
    it(`leak guard: legends, word lists, numerals, rarer encodings (${i + 1} of ${legendSeeds.length})`, () => {
      const referenceSolution =
        'export function listBooks(req, res) {\n  const offset = (page - 1) * pageSize;\n  return res.json({ items });\n}';
      expectLinear((s) => guardLeaks(s, { referenceSolution }), seeds);
    });
  }

  it("leak guard: a reply read under keys from the learner's text (leak-learner-keys.ts)", () => {
    const referenceSolution =
      'export function listBooks(req, res) {\n  const offset = (page - 1) * pageSize;\n  return res.json({ items });\n}';
    expectLinear(
      (s) => guardLeaks(s, { referenceSolution, learnerText: s }),
      ['12 ', '1. a\n', '3+4 ', 'beaufort key: ab ', 'hill [[1, 2], [3, 5]] 7 ', '5-9 '],
    );
  });

  it('leak guard: what may be a key or what a key unlocks (the history keeps it)', () => {
    const referenceSolution =
      'export function listBooks(req, res) {\n  const offset = (page - 1) * pageSize;\n  return res.json({ items });\n}';
    expectLinear(
      (s) => mayUnlock(s, referenceSolution),
      // Runs of numbers and byte blobs are payloads a later key may unlock (leak-codes.ts).
      [
        'a b ',
        'a — b\n',
        '| a | b |\n',
        'L1: a\n',
        '"line1": "a", ',
        '["a", ',
        '1. a\n',
        '{ ',
        '9 ',
        'ab',
        '| 1 | a | b | c | d | e |\n',
        'a b c d e f\n',
      ],
    );
  });

  it('leak guard: a payload read under the running key or book code of an earlier reply', () => {
    const referenceSolution =
      'export function listBooks(req, res) {\n  const offset = (page - 1) * pageSize;\n  return res.json({ items });\n}';
    const book = asBook(
      'Think of the table as a long shelf of books sorted by title, a window a page.',
    );
    expectLinear(
      (s) =>
        withEarlierReplies(`key ${s}`, {
          referenceSolution,
          earlierReplies: `${book}\n\n${asBook(s)}`,
        }),
      ['12.3 ', '1:2:3 ', 'key abc ', '7 ', '\n\n', '\uE000', 'a'],
    );
  });

  it('story loader and tsc parser', () => {
    // A story that is all heading is refused (no description): refusing fast counts as returning.
    const load = (s: string) => {
      try {
        return parseStory(`---\ntitle: T\n---\nIntro.\n${s}\n## Acceptance criteria\n- a\n`);
      } catch (error) {
        return error;
      }
    };
    expectLinear(load, ['#', '## ', '\n', '- ', '```\n', '#  #', '## Solution\n']);
    expectLinear((s) => parseTsc(`a${s}`), ['(0,0): error TS0: ', '\u2028(0,0): error TS0: ']);
  });
});

describe('source-path scanners', () => {
  const alphabet = [
    'a',
    'B',
    '_',
    '0',
    '@',
    '.',
    '-',
    '/',
    '\\',
    ':',
    ' ',
    't',
    's',
    'x',
    'j',
    'c',
    'm',
    'py',
    '.ts',
    '.js',
    '.tsx',
    '.mjs',
    '.java',
    '.go',
    'src/',
    '../',
    'c:',
    ':12',
    '\n',
  ];
  const text = fc
    .array(fc.constantFrom(...alphabet), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('find exactly what the old patterns found', () => {
    fc.assert(
      fc.property(text, (s) => replaceSourcePaths(s, '#') === s.replace(sourcePathPattern, '#')),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(text, (s) => replaceErrorPaths(s, '#') === s.replace(errorPathPattern, '#')),
      { numRuns: 20_000 },
    );
  });

  it('still find paths in stack traces', () => {
    expect(replaceSourcePaths('at listBooks (src/routes/books.ts:12:5) in app.mjs', '·')).toBe(
      'at listBooks (·:12:5) in ·',
    );
    expect(replaceErrorPaths('error in c:\\app\\src\\a.ts:3:4 and lib/b.js', '<file>')).toBe(
      'error in <file> and <file>',
    );
  });

  it('stay linear on runs of path characters', () => {
    expectLinear((s) => replaceSourcePaths(s, ' '), ['a-', 'a.', 'a/', '.', '@', 'go-']);
    expectLinear((s) => replaceErrorPaths(s, ' '), ['a-', 'a.', 'a/', '0', '\\']);
  });
});
