import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatModelContext,
  formatModelInput,
  readModelInput,
} from '../../../src/models/model-input.ts';
import { stripAnsi } from '../../../tools/reports/report-input.ts';
import { measuredBelow } from '../../helpers/growth-ratio.ts';

const user = (text: string) => [
  { role: 'user' as const, content: [{ type: 'text' as const, text }] },
];

/** The lazy regular expression the scanner replaced, kept here as the reference. */
const reference = /```json mentorflow-input\n([\s\S]*?)\n```/g;

/** Best of five timings of `repeat` calls: long enough that a busy CPU's noise does not decide. */
function timeOf(run: () => void, repeat = 20): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    for (let j = 0; j < repeat; j++) run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('readModelInput', () => {
  it('reads the tagged JSON block back and keeps the rest as the message', () => {
    const text = `Say hello\n\n${formatModelInput('task', { a: 1 })}\nthanks`;
    expect(readModelInput(user(text))).toEqual({
      input: { a: 1 },
      text,
      message: 'Say hello\n\ntask\n\n\nthanks',
    });
  });

  it('reads the standing context of the system message under the user message’s own input', () => {
    const prompt = [
      { role: 'system' as const, content: 'You are a mentor.' },
      { role: 'system' as const, content: formatModelContext({ story: { title: 'T' }, level: 1 }) },
      ...user(formatModelInput('Diagnose.', { message: 'stuck', level: 2 })),
    ];
    expect(readModelInput(prompt)).toMatchObject({
      input: { story: { title: 'T' }, message: 'stuck', level: 2 },
      message: 'Diagnose.',
    });
    // Free text from a user who is not an agent call: no input, whatever the system says.
    expect(readModelInput([prompt[0]!, ...user('hello')]).input).toBeUndefined();
  });

  it('finds the same blocks and message as the regular expression it replaced', () => {
    const piece = fc.constantFrom(
      '```json mentorflow-input\n',
      '\n```',
      '{"x":1}',
      '\n',
      'a',
      '```',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const read = readModelInput(user(text));
        let input: Record<string, unknown> | undefined;
        for (const m of text.matchAll(reference)) {
          try {
            const parsed: unknown = JSON.parse(m[1]!);
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
              input = parsed as Record<string, unknown>;
            }
          } catch {}
        }
        expect(read.input).toEqual(input);
        expect(read.message).toBe(text.replace(reference, '').trim());
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('stays linear on many openings without a closing fence', () => {
    const text = (n: number) => 'x ```json mentorflow-input\n'.repeat(n);
    const small = text(5_000);
    const large = text(20_000);
    const { ratio } = measuredBelow(
      () => ({
        ratio:
          timeOf(() => readModelInput(user(large))) / timeOf(() => readModelInput(user(small))),
      }),
      8,
    );
    expect(ratio).toBeLessThan(8);
  });
});

describe('stripAnsi', () => {
  it('removes colour codes and terminated OSC sequences', () => {
    expect(stripAnsi('\u001b[31merror\u001b[0m \u001b]0;title\u0007done')).toBe('error done');
  });

  it('stays linear on a run of unterminated OSC openings', () => {
    const small = '\u001b]'.repeat(50_000);
    const large = '\u001b]'.repeat(200_000);
    expect(timeOf(() => stripAnsi(large)) / timeOf(() => stripAnsi(small))).toBeLessThan(8);
  });
});
