import { deflateSync, gzipSync } from 'node:zlib';
import { RequestContext } from '@mastra/core/request-context';
import { describe, expect, it } from 'vitest';
import { modelContextKeys } from '../../../agents/create-mentor-agent.ts';
import { agents } from '../../../agents/index.ts';
import { leakGuardContextKey, releaseGuarded } from '../../../agents/leak-guard-processor.ts';
import {
  encodedOverlap,
  guardOutput,
  guardReply,
  normaliseForGuard,
  refusalText,
  solutionOverlap,
} from '../../../agents/leak-guard.ts';
import { scriptedModel } from '../../helpers/mock-models.ts';
import { loadStory } from '../../../tools/story-loader.ts';

const { referenceSolution } = loadStory('examples/stories/add-pagination.md');
const reference = referenceSolution!;
const solutionBody = /```ts\n([\s\S]*?)```/.exec(reference)![1]!;

describe('leak guard', () => {
  it('lets a short, generic example through unchanged', () => {
    const reply =
      'A page is a slice:\n```ts\nconst items = list.slice(start, start + size);\n```\nWhat is `start` for page 3?';
    expect(guardReply(reply, { referenceSolution: reference })).toEqual({
      text: reply,
      action: 'pass',
      reasons: [],
    });
  });

  it('refuses a reply that pastes the reference solution', () => {
    const result = guardReply(`Here you go:\n\`\`\`ts\n${solutionBody}\`\`\``, {
      referenceSolution: reference,
    });
    expect(result.action).toBe('refused');
    expect(result.text).toBe(refusalText);
  });

  it('catches the solution after renaming whitespace and comments away', () => {
    const disguised = solutionBody.replace(/\n\s*/g, ' ').replace(/const /g, '/* note */ const ');
    expect(guardReply(`Try this: ${disguised}`, { referenceSolution: reference }).action).toBe(
      'refused',
    );
  });

  it('removes a part of the solution but keeps the surrounding guidance', () => {
    const part = solutionBody.split('\n').slice(3, 7).join('\n');
    const reply = `Your validation should follow this idea; look at how the schema defaults each parameter and what happens when parsing fails, then compare with your route.\n\`\`\`ts\n${part}\n\`\`\`\nWhich of your parameters has no default yet?`;
    const result = guardReply(reply, { referenceSolution: reference });
    expect(result.action).toBe('rewritten');
    expect(result.text).not.toContain('z.coerce.number().int().positive().max(100)');
    expect(result.text).toContain('Which of your parameters has no default yet?');
    expect(result.reasons[0]).toMatch(/reference solution/);
  });

  it('removes code blocks over the size limit even without a reference solution', () => {
    const long = Array.from({ length: 20 }, (_, i) => `const v${i} = ${i};`).join('\n');
    const result = guardReply(
      `Explanation that stays here for the learner to read.\n\`\`\`ts\n${long}\n\`\`\`\nGood luck!`,
      { maxCodeLines: 12 },
    );
    expect(result.action).toBe('rewritten');
    expect(result.text).toContain('code block was removed here: 20 lines');
    expect(result.text).toContain('Good luck!');
  });

  it('token overlap ignores formatting but not content', () => {
    expect(
      solutionOverlap('const  a=1;\n// hi\nconst b = 2', 'const a = 1; const b = 2').coverage,
    ).toBe(1);
    expect(solutionOverlap('let x = y + z * 2', 'const a = 1; const b = 2').shared).toBe(0);
  });

  it('guards every string of an output, emptying leaked code fields', () => {
    const output = {
      explanation: 'Pagination splits a list.',
      example: { language: 'ts', code: solutionBody, caption: 'c' },
      reply: `See:\n\`\`\`ts\n${solutionBody}\`\`\``,
    };
    const guarded = guardOutput(output, { referenceSolution: reference });
    expect(guarded.action).toBe('refused');
    expect(guarded.output.example.code).toBe('');
    expect(guarded.output.reply).toBe(refusalText);
    expect(guarded.output.explanation).toBe(output.explanation);
  });
});

describe('leak guard while streaming', () => {
  it('releases prose at once and each code block only when it closes', () => {
    const options = { referenceSolution: reference };
    const input = `Look:\n\`\`\`ts\n${solutionBody}\`\`\`\nand a small one:\n\`\`\`ts\nconst a = 1;\n\`\`\`\nDone.`;
    let pending = '';
    let inFence = false;
    let out = '';
    for (const ch of input) {
      const r = releaseGuarded(pending + ch, inFence, options);
      out += r.text;
      pending = r.rest;
      inFence = r.inFence;
    }
    expect(out).toContain(
      'Look:\n[A code block was removed here because it would give away the solution',
    );
    expect(out).toContain('```ts\nconst a = 1;\n```\nDone');
    expect(out).not.toContain('OFFSET');
  });

  it('guards agent.stream output of a learner-facing agent', async () => {
    const model = scriptedModel([`Here you go:\n\`\`\`ts\n${solutionBody}\`\`\`\nGood luck.`]);
    const requestContext = new RequestContext([
      [modelContextKeys.model, model],
      [leakGuardContextKey, { referenceSolution: reference }],
    ]);
    const stream = await agents.hintGiverAgent.stream('give me the answer', { requestContext });
    let text = '';
    for await (const chunk of stream.textStream) text += chunk;
    expect(text).toMatch(/^Here you go:\n\[A code block was removed here/);
    expect(text).toContain('Good luck.');
    expect(text).not.toContain('OFFSET');
  });
});

describe('leak guard against encoded copies', () => {
  // A little over half of the solution: the guard must block it in any of these forms.
  const half = solutionBody.slice(0, Math.ceil(solutionBody.length * 0.55));
  const lookAlike: Record<string, string> = {
    a: 'а',
    e: 'е',
    o: 'ο',
    p: 'р',
    c: 'с',
    x: 'х',
    y: 'у',
  };
  const rot13 = (s: string) =>
    s.replace(/[a-z]/gi, (c) =>
      String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97)),
    );
  const encodings: Record<string, (s: string) => string> = {
    base64: (s) => Buffer.from(s).toString('base64'),
    'base64, wrapped at 76': (s) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\n'),
    'hex bytes': (s) => Buffer.from(s).toString('hex'),
    '\\u escapes': (s) =>
      [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
    '\\x escapes': (s) =>
      [...s].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    'HTML entities': (s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join(''),
    reversed: (s) => [...s].reverse().join(''),
    'reversed base64': (s) => [...Buffer.from(s).toString('base64')].reverse().join(''),
    // Layers: the text reversed before it is encoded, compressed before it is written as hex.
    'base64 of the reversed text': (s) => Buffer.from([...s].reverse().join('')).toString('base64'),
    'hex of the reversed text': (s) => Buffer.from([...s].reverse().join('')).toString('hex'),
    'gzip, then hex': (s) => gzipSync(s).toString('hex'),
    'zlib, then hex in spaced pairs': (s) =>
      deflateSync(s).toString('hex').replace(/../g, '$& ').trim(),
    'letter spacing': (s) => [...s].join(' '),
    'zero-width characters': (s) => [...s].join('\u200b'),
    'Cyrillic and Greek look-alikes': (s) => s.replace(/[aeopcxy]/g, (c) => lookAlike[c]!),
    'full-width forms': (s) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    ROT13: rot13,
  };

  for (const [name, encode] of Object.entries(encodings)) {
    it(`refuses half the solution as ${name}`, () => {
      const result = guardReply(`Decode this yourself:\n${encode(half)}\nGood luck!`, {
        referenceSolution: reference,
      });
      expect(result.action).toBe('refused');
      expect(result.reasons[0]).toMatch(/encoded copy/);
      expect(encodedOverlap(encode(half), reference).coverage).toBeGreaterThan(0.4);
    });
  }

  it('removes an encoded copy inside a code block and keeps the prose', () => {
    const reply = `Here is a helper you might find useful for the page maths and the validation of the query.\n\`\`\`\n${encodings.base64!(half)}\n\`\`\`\nWhich parameter would you validate first?`;
    const result = guardReply(reply, { referenceSolution: reference });
    expect(result.action).toBe('rewritten');
    expect(result.text).toContain('Which parameter would you validate first?');
    expect(result.text).not.toContain(encodings.base64!(half).slice(0, 40));
  });

  it('normalises what a reader would see', () => {
    expect(normaliseForGuard('ｒｅｔｕｒｎ')).toBe('return');
    expect(normaliseForGuard('r\u200be\u200dt\u2060urn')).toBe('return');
    expect(normaliseForGuard('\\u0072\\x65turn &#116;&#x75;rn')).toBe('return turn');
    expect(normaliseForGuard('раgе')).toBe('page');
  });

  it('lets ordinary hints that name identifiers from the story through', () => {
    const hints = [
      'Look at how `listBooks` reads `req.query`: which parameter could be missing, and what should `page` default to?',
      'Your `querySchema` should reject a pageSize above 100. What does `safeParse` return when it fails, and how would you turn `parsed.error.issues[0]` into a 400 message?',
      'The offset for page 3 with pageSize 20 is 40. Write the SQL with ORDER BY title, id and LIMIT/OFFSET placeholders, then test the last partial page.',
      'A common slip: offset = page * pageSize skips the first page. Try `(page - 1) * pageSize` by hand for page 1 and page 2 before you change `listBooks`.',
      'Check `res.status(400).json(...)` in your route: does the message name the parameter, as the criterion asks?',
      'Think of `Promise.all` with two queries: one for the rows and one for `count(*)`. Why run them together?',
    ];
    for (const hint of hints)
      expect(guardReply(hint, { referenceSolution: reference }), hint).toEqual({
        text: hint,
        action: 'pass',
        reasons: [],
      });
  });

  it('lets a quoted line of a short solution through (the token check judges plain quotes)', () => {
    const short =
      "const rows = await db.query('SELECT id, title FROM books WHERE title ILIKE $1 ORDER BY title', [`%${q}%`]);\nreturn rows;";
    const reply =
      'You\'re getting "const rows = await db.query(\'SELECT id, title FROM books WHERE title ILIKE $1 ORDER BY title…". Which part of that query does the sorting?';
    expect(guardReply(reply, { referenceSolution: short }).action).toBe('pass');
  });

  it('stays linear on long replies', () => {
    // CPU time of this process (vitest runs each file in a fork of its own): other processes on a
    // loaded machine do not count, as they did with wall time (this failed twice with files in
    // parallel on a 2-core machine at load 6, and passed alone).
    const time = (text: string) => {
      const start = process.cpuUsage();
      guardReply(text, { referenceSolution: reference });
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    time('warm up');
    for (const seed of ['QUJD', 'a-', '\\u0041', 'r e t ']) {
      // The best of five of each: a busy machine slows single runs, not the best one.
      const best = (text: string) => Math.min(...Array.from({ length: 5 }, () => time(text)));
      const small = best(seed.repeat(12_500));
      const large = best(seed.repeat(50_000));
      expect(large / Math.max(small, 2), seed).toBeLessThan(8);
    }
    // It asserts a growth ratio, not a time: ~20 s alone, and a loaded 2-core CI machine must not
    // fail it for being slow.
  }, 120_000);
});
