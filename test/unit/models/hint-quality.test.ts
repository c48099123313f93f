import { afterAll, describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { wordCount } from '../../../evals/metrics.ts';
import { giveHint } from '../../../src/models/rules/hint.ts';
import { hintCases, hintProblems } from './hint-table.ts';

/**
 * Rules-mode hint quality on the hand-written table (hint-table.ts): every hint must pass every
 * check. The word counts and any misses are printed so a regression is easy to see.
 */
const report: string[] = [];

describe('rules-mode hints on the hint table', () => {
  for (const c of hintCases) {
    it(c.name, () => {
      const hint = giveHint(c.input, '');
      const problems = hintProblems(c, hint);
      report.push(
        `${String(wordCount(hint.reply)).padStart(3)} words  ${hint.concept.padEnd(22)} ${c.name}${problems.length ? `  ✗ ${problems.join('; ')}` : ''}`,
      );
      expect(problems, hint.reply).toEqual([]);
    });
  }

  it('stays within 80–160 words, with a question, for thin, vague and oversized inputs at every level and depth', () => {
    const inputs: Array<Record<string, unknown>> = [
      {},
      { message: 'hmm, stuck again' },
      {
        message: `I tried ${'many different things with the list endpoint and '.repeat(12)}nothing changes, what now?`,
      },
      {
        message: 'help',
        recentErrors: [`Error: ${'word '.repeat(90)}\n    at run (src/a.ts:3:1)`],
      },
      {
        message: 'the build fails',
        recentErrors: ["SyntaxError: Unexpected token '}' in src/routes.ts:40"],
      },
    ];
    for (const input of inputs) {
      for (const level of ['beginner', 'intermediate', 'advanced']) {
        for (const hintsGiven of [0, 1, 2, 7]) {
          const hint = giveHint({ ...input, learner: { level }, hintsGiven }, '');
          const words = wordCount(hint.reply);
          expect(words, hint.reply).toBeGreaterThanOrEqual(80);
          expect(words, hint.reply).toBeLessThanOrEqual(160);
          expect(hint.reply).toContain(hint.question);
          expect(hint.question.endsWith('?')).toBe(true);
        }
      }
    }
  });

  it('gives advanced learners terser hints than beginners, and goes deeper with each hint', () => {
    const mean = (level: string) =>
      hintCases.reduce(
        (sum, c) => sum + wordCount(giveHint({ ...c.input, learner: { level } }, '').reply),
        0,
      ) / hintCases.length;
    expect(mean('advanced')).toBeLessThan(mean('beginner'));
    const input = { message: 'how do I compute the offset?', learner: { level: 'intermediate' } };
    const depths = [0, 1, 2, 3].map((hintsGiven) => giveHint({ ...input, hintsGiven }, ''));
    expect(depths.map((h) => h.depth)).toEqual([1, 2, 3, 3]);
    expect(depths.map((h) => /Hint (\d) of 3/.exec(h.reply)?.[1])).toEqual(['1', '2', '3', '3']);
    expect(new Set(depths.slice(0, 3).map((h) => h.hint)).size).toBe(3);
  });

  it('quotes no more than a clipped line when the learner pastes the reference solution', () => {
    for (const c of hintCases.filter((x) => x.referenceSolution)) {
      const hint = giveHint(
        {
          ...c.input,
          message: `why does this fail? ${c.referenceSolution}`,
          recentErrors: [c.referenceSolution!.split('\n').slice(0, 3).join('\n')],
        },
        '',
      );
      expect(
        guardReply(hint.reply, { referenceSolution: c.referenceSolution }).action,
        hint.reply,
      ).toBe('pass');
    }
  });

  afterAll(() => {
    const counts = hintCases.map((c) => wordCount(giveHint(c.input, '').reply));
    const inRange = counts.filter((n) => n >= 80 && n <= 160).length;
    console.log(
      `hint table: ${inRange}/${counts.length} in 80–160 words, mean ${Math.round(counts.reduce((a, b) => a + b, 0) / counts.length)} words\n  ${report.join('\n  ')}`,
    );
  });
});
