import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { notScorable } from '@mastra/core/evals';
import {
  analyzeLeak,
  asAgentRun,
  bindScorer,
  boundResult,
  completenessScorer,
  createLeakDetectionScorer,
  createSchemaValidityScorer,
  createTutorRubricJudge,
  hintLengthScorer,
  labelAccuracyScorer,
  leakDetectionScorer,
  lengthScore,
  macroF1Scorer,
  readabilityScorer,
  scoreBandScorer,
} from '../../../evals/scorers/index.ts';
import { mockJudgeModel } from './mock-judge-model.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('label accuracy scorer', () => {
  it('scores a match 1 and a mismatch 0, naming both labels', async () => {
    expect(
      (await labelAccuracyScorer.run({ output: 'technicalError', groundTruth: 'technicalError' }))
        .score,
    ).toBe(1);
    const miss = await labelAccuracyScorer.run({
      output: 'unknownIssue',
      groundTruth: 'environmentIssue',
    });
    expect(miss.score).toBe(0);
    expect(miss.reason).toContain('environmentIssue');
  });
});

describe('macro-F1 scorer', () => {
  it('returns macro-F1 with the confusion matrix in the analyze result', async () => {
    const output = [
      { expected: 'a', predicted: 'a' },
      { expected: 'a', predicted: 'b' },
      { expected: 'b', predicted: 'b' },
      { expected: 'b', predicted: 'b' },
    ];
    const r = await macroF1Scorer.run({ output, groundTruth: { labels: ['a', 'b'] } });
    // a: P 1, R 0.5, F1 2/3; b: P 2/3, R 1, F1 0.8.
    expect(r.score).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    expect(r.analyzeStepResult!.confusion).toEqual({
      labels: ['a', 'b'],
      matrix: [
        [1, 1],
        [0, 2],
      ],
    });
    expect(r.analyzeStepResult!.accuracy).toBe(0.75);
  });
});

describe('score band scorer', () => {
  it('hits inside the inclusive band only', async () => {
    const band = { min: 50, max: 79 };
    expect((await scoreBandScorer.run({ output: 79, groundTruth: band })).score).toBe(1);
    expect((await scoreBandScorer.run({ output: 80, groundTruth: band })).score).toBe(0);
    expect((await scoreBandScorer.run({ output: Number.NaN, groundTruth: band })).score).toBe(0);
  });
});

describe('schema validity scorer', () => {
  const scorer = createSchemaValidityScorer({
    schema: z.object({ verdict: z.enum(['goodPlan', 'missingSteps']), score: z.number().int() }),
    schemaName: 'plan review',
  });
  it('accepts a valid object and names the failing field of an invalid one', async () => {
    expect((await scorer.run({ output: { verdict: 'goodPlan', score: 90 } })).score).toBe(1);
    const bad = await scorer.run({ output: { verdict: 'great', score: 90 } });
    expect(bad.score).toBe(0);
    expect(bad.reason).toContain('verdict');
  });
});

describe('leak detection scorer', () => {
  const referenceSolution = `SELECT c.name, COUNT(o.id) AS orders
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name;`;
  const learnerCode = `SELECT c.name, COUNT(o.id) AS orders
FROM customers c
JOIN orders o ON o.customer_id = c.id
GROUP BY c.name;`;
  const truth = {
    referenceSolution,
    known: learnerCode,
    mustNotReveal: ['LEFT JOIN orders o ON o.customer_id = c.id'],
  };

  it('detects a pasted solution', async () => {
    const r = await leakDetectionScorer.run({
      output: `Your query is wrong, use this:\n${referenceSolution}`,
      groundTruth: truth,
    });
    expect(r.score).toBe(1);
    expect(r.analyzeStepResult!.overlap).toBe(1);
    expect(r.reason).toMatch(/^leak:/);
  });

  it('does not flag a Socratic hint that quotes the learner’s own query', async () => {
    const hint = `Your report loses exactly the customers without orders. In \`JOIN orders o ON o.customer_id = c.id\`, what happens to a customer with no matching order row? Look up which join keeps every row of the left table, then check what COUNT(o.id) does with the NULLs it produces.`;
    const r = await leakDetectionScorer.run({ output: hint, groundTruth: truth });
    expect(r.score).toBe(0);
    expect(r.analyzeStepResult!.fragments).toEqual([]);
  });

  it('flags a give-away fragment even when the overlap is small', () => {
    const a = analyzeLeak(
      'Change it to left join orders o on o.customer_id=c.id and you are done.',
      truth,
    );
    expect(a.fragments).toHaveLength(1);
    expect(a.leaked).toBe(true);
  });

  it('flags a large code block even without overlap', async () => {
    const block =
      '```js\n' + Array.from({ length: 10 }, (_, i) => `const v${i} = ${i};`).join('\n') + '\n```';
    const r = await createLeakDetectionScorer({ maxCodeLines: 8 }).run({
      output: block,
      groundTruth: { referenceSolution: 'unrelated answer text here' },
    });
    expect(r.score).toBe(1);
    expect(r.analyzeStepResult!.codeLines).toBe(10);
  });
});

describe('hint length scorer', () => {
  it('scores 1 inside 80–160 words and decays outside', async () => {
    expect((await hintLengthScorer.run({ output: words(120) })).score).toBe(1);
    expect((await hintLengthScorer.run({ output: words(60) })).score).toBeCloseTo(0.5, 10);
    expect((await hintLengthScorer.run({ output: words(40) })).score).toBe(0);
    expect(
      (await hintLengthScorer.run({ output: words(200), groundTruth: { min: 80, max: 160 } }))
        .score,
    ).toBeCloseTo(0.5, 10);
    expect(lengthScore(10, { min: 5, max: 10 })).toBe(1);
  });
});

describe('readability scorer', () => {
  it('scores plain prose higher than dense prose, within 0–1', async () => {
    const plain = (
      await readabilityScorer.run({
        output: 'Run the test again. Look at the first red line. What does it say?',
      })
    ).score;
    const dense = (
      await readabilityScorer.run({
        output:
          'Asynchronous initialization necessitates comprehensive understanding of concurrency abstractions.',
      })
    ).score;
    expect(plain).toBeGreaterThan(dense!);
    expect(plain).toBeLessThanOrEqual(1);
    expect(dense).toBeGreaterThanOrEqual(0);
  });
});

describe('tutor rubric judge', () => {
  it('sends the case and reply to the judge and maps the 1–5 ratings to 0–1', async () => {
    const prompts: string[] = [];
    const model = mockJudgeModel((prompt) => {
      prompts.push(prompt);
      const scores = {
        mistakeIdentification: 5,
        mistakeLocation: 4,
        revealingAnswer: 1,
        providingGuidance: 3,
        actionability: 5,
        coherence: 5,
        tutorTone: 5,
      };
      return JSON.stringify({
        ratings: Object.fromEntries(
          Object.entries(scores).map(([d, score]) => [d, { score, reason: `${d} reason` }]),
        ),
      });
    });
    const judge = createTutorRubricJudge({ model });
    const r = await judge.run({
      input: {
        learner: { message: 'my count is wrong' },
        referenceSolution: 'COUNT(DISTINCT o.customer_id)',
        rubric: { mistake: 'counts rows' },
      },
      output: 'Use COUNT(DISTINCT o.customer_id).',
    });
    expect(r.score).toBeCloseTo((4 + 3 + 0 + 2 + 4 + 4 + 4) / 28, 10);
    expect(r.analyzeStepResult!.ratings.revealingAnswer.score).toBe(1);
    expect(r.reason).toContain('revealingAnswer 1/5');
    const sent = prompts.join('\n');
    expect(sent).toContain('COUNT(DISTINCT o.customer_id)');
    expect(sent).toContain('Mistake: counts rows');
    expect(sent).toContain('Use COUNT(DISTINCT o.customer_id).');
  });

  it('rates only the requested dimensions', async () => {
    const model = mockJudgeModel(() =>
      JSON.stringify({ ratings: { tutorTone: { score: 2, reason: 'curt' } } }),
    );
    const r = await createTutorRubricJudge({ model, dimensions: ['tutorTone'] }).run({
      input: {},
      output: 'Fix it.',
    });
    expect(r.score).toBe(0.25);
  });
});

describe('bound scorers (runEvals case runs)', () => {
  const bound = bindScorer<unknown, { reply?: string } | undefined>(
    leakDetectionScorer,
    (run) =>
      run.output?.reply === undefined
        ? notScorable('no reply')
        : { output: run.output.reply, groundTruth: run.groundTruth },
    { id: 'leak' },
  );

  it('runs the wrapped scorer on the part of the run it picks and keeps its step results', async () => {
    const r = await bound.run({
      input: { id: 'c1' },
      output: { reply: 'Just write return Math.ceil(total / pageSize);' },
      groundTruth: { referenceSolution: 'return Math.ceil(total / pageSize);' },
    });
    expect(bound.id).toBe('leak');
    expect(r.score).toBe(1);
    expect(r.reason).toMatch(/^leak:/);
    const inner = boundResult({ leak: r }, 'leak')!;
    expect(inner.score).toBe(1);
    expect((inner.analyzeStepResult as { overlap: number }).overlap).toBe(1);
  });

  it('passes notScorable through, so runEvals leaves the case out', async () => {
    const r = await bound.run({ output: {}, groundTruth: { referenceSolution: 'x' } });
    expect(r.score).toBeUndefined();
    expect(r.notScorable).toMatchObject({ step: 'preprocess', reason: 'no reply' });
    expect(boundResult({ leak: r }, 'leak')).toBeUndefined();
  });
});

describe('@mastra/evals completeness on a learner message and a reply', () => {
  it('is higher when the reply takes up what the learner asked about', async () => {
    const question = 'why does my pagination show one page too few';
    const onTopic = await completenessScorer.run(
      asAgentRun(
        question,
        'Your pagination divides the total by the page size; what happens to the items of the last, partial page?',
      ),
    );
    const offTopic = await completenessScorer.run(
      asAgentRun(question, 'Have you tried restarting your computer?'),
    );
    expect(onTopic.score).toBeGreaterThan(offTopic.score!);
    expect(onTopic.score).toBeLessThanOrEqual(1);
    expect(offTopic.score).toBeGreaterThanOrEqual(0);
  });
});
