import { describe, expect, it } from 'vitest';
import {
  accuracy,
  bandHitRate,
  codeBlocks,
  confusionMatrix,
  fleschReadingEase,
  largestCodeBlockLines,
  type LabelPair,
  macroF1,
  ngramOverlap,
  normaliseCode,
  perClassMetrics,
  proseOnly,
  ratingAgreement,
  revealedFragments,
  syllables,
  tokenize,
  wordCount,
} from '../../../evals/metrics.ts';

/** Pairs reproducing a given confusion matrix (rows = expected, columns = predicted). */
function pairsFrom(labels: string[], matrix: number[][]): LabelPair[] {
  const pairs: LabelPair[] = [];
  matrix.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) pairs.push({ expected: labels[i]!, predicted: labels[j]! });
    }),
  );
  return pairs;
}

describe('classification metrics', () => {
  const labels = ['A', 'B', 'C'];
  const matrix = [
    [5, 1, 0],
    [2, 3, 1],
    [0, 0, 4],
  ];
  const pairs = pairsFrom(labels, matrix);

  it('rebuilds the confusion matrix in the given label order', () => {
    expect(confusionMatrix(pairs, labels)).toEqual({ labels, matrix });
  });

  it('computes accuracy as the diagonal share', () => {
    expect(accuracy(pairs)).toBeCloseTo(12 / 16, 10);
    expect(accuracy([])).toBe(0);
  });

  it('computes per-class precision, recall and F1 by hand', () => {
    const [a, b, c] = perClassMetrics(confusionMatrix(pairs, labels));
    expect(a).toMatchObject({ label: 'A', support: 6 });
    expect(a!.precision).toBeCloseTo(5 / 7, 10);
    expect(a!.recall).toBeCloseTo(5 / 6, 10);
    expect(a!.f1).toBeCloseTo(10 / 13, 10);
    expect(b!.f1).toBeCloseTo(0.6, 10);
    expect(c!.f1).toBeCloseTo(8 / 9, 10);
  });

  it('macro-F1 is the unweighted mean of the class F1s', () => {
    expect(macroF1(confusionMatrix(pairs, labels))).toBeCloseTo((10 / 13 + 0.6 + 8 / 9) / 3, 10);
  });

  it('macro-F1 is 1 for perfect predictions and ignores listed labels that never occur', () => {
    const perfect = [
      { expected: 'x', predicted: 'x' },
      { expected: 'y', predicted: 'y' },
    ];
    expect(macroF1(confusionMatrix(perfect, ['x', 'y', 'never']))).toBe(1);
  });

  it('appends labels the agent invented so no case is dropped', () => {
    const cm = confusionMatrix([{ expected: 'A', predicted: 'banana' }], ['A', 'B']);
    expect(cm.labels).toEqual(['A', 'B', 'banana']);
    expect(cm.matrix[0]).toEqual([0, 0, 1]);
    expect(macroF1(cm)).toBe(0);
  });
});

describe('bandHitRate', () => {
  it('counts inclusive band hits', () => {
    const band = { min: 80, max: 100 };
    expect(
      bandHitRate([
        { score: 80, band },
        { score: 100, band },
        { score: 79, band },
        { score: 101, band },
      ]),
    ).toBe(0.5);
    expect(bandHitRate([])).toBe(0);
  });
});

describe('text metrics', () => {
  it('tokenizes identifiers and drops punctuation', () => {
    expect(tokenize('return Math.ceil(total / pageSize);')).toEqual([
      'return',
      'math',
      'ceil',
      'total',
      'pagesize',
    ]);
  });

  it('n-gram overlap: 1 for a pasted solution, 0 for unrelated prose', () => {
    const ref =
      'SELECT c.name, COUNT(o.id) FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id';
    expect(ngramOverlap(ref, `Here you go:\n${ref}`)).toBe(1);
    expect(
      ngramOverlap(ref, 'Think about which rows survive when a customer has nothing to match.'),
    ).toBe(0);
  });

  it('n-gram overlap leaves out what the learner already wrote', () => {
    const learner =
      'export function totalPages(total, pageSize) { return Math.floor(total / pageSize) + 1; }';
    const ref =
      'export function totalPages(total, pageSize) { return Math.ceil(total / pageSize); }';
    const quote =
      'You wrote export function totalPages(total, pageSize) { return Math.floor(total / pageSize) + 1 }';
    expect(ngramOverlap(ref, quote, 4, learner)).toBe(0);
    // New 4-grams of the reference: "pagesize return math ceil", "return math ceil total", "math ceil total pagesize".
    expect(ngramOverlap(ref, 'return Math.ceil(total / pageSize)', 4, learner)).toBeCloseTo(
      2 / 3,
      10,
    );
    expect(ngramOverlap('same text here now', 'same text here now', 4, 'same text here now')).toBe(
      0,
    );
  });

  it('finds give-away fragments regardless of spacing and case', () => {
    expect(normaliseCode('Math.ceil( total /  pageSize )')).toBe('math.ceil(total/pagesize)');
    expect(
      revealedFragments(
        ['Math.ceil(total / pageSize)', 'page += 1'],
        'try MATH.CEIL(total/pageSize) instead',
      ),
    ).toEqual(['Math.ceil(total / pageSize)']);
    expect(revealedFragments(['page += 1'], 'go to page 1')).toEqual([]);
  });

  it('measures fenced code blocks', () => {
    const text = 'Look:\n```ts\nconst a = 1;\n\nconst b = 2;\n```\nand\n~~~\nx\n~~~\n';
    expect(codeBlocks(text)).toHaveLength(2);
    expect(largestCodeBlockLines(text)).toBe(2);
    expect(largestCodeBlockLines('no code here')).toBe(0);
    expect(proseOnly(text)).not.toContain('const');
  });

  it('counts words and syllables', () => {
    expect(wordCount('  Hello, world — it works!  ')).toBe(4);
    expect(wordCount('')).toBe(0);
    expect(syllables('cat')).toBe(1);
    expect(syllables('table')).toBe(2);
    expect(syllables('understanding')).toBe(4);
  });

  it('Flesch reading ease ranks plain text above dense text and ignores code', () => {
    const plain = 'The cat sat on the mat. It was a good day. We had fun.';
    const dense =
      'Asynchronous initialization necessitates comprehensive understanding of concurrency abstractions and intermediate representations.';
    expect(fleschReadingEase(plain)).toBeGreaterThan(80);
    expect(fleschReadingEase(dense)).toBeLessThan(20);
    expect(fleschReadingEase(plain + '\n```\nconstructorInitialization();\n```')).toBeCloseTo(
      fleschReadingEase(plain),
      5,
    );
    expect(fleschReadingEase('')).toBe(0);
  });
});

describe('ratingAgreement', () => {
  it('is perfect for identical ratings', () => {
    const pairs = [1, 2, 3, 4, 5].map((v) => ({ human: v, judge: v }));
    expect(ratingAgreement(pairs)).toEqual({
      n: 5,
      exact: 1,
      withinOne: 1,
      meanAbsoluteError: 0,
      quadraticKappa: 1,
    });
  });

  it('reports exact, within-one, MAE and kappa for a known example', () => {
    const pairs = [
      { human: 5, judge: 4 },
      { human: 1, judge: 1 },
      { human: 3, judge: 5 },
      { human: 4, judge: 4 },
    ];
    const a = ratingAgreement(pairs);
    expect(a.exact).toBe(0.5);
    expect(a.withinOne).toBe(0.75);
    expect(a.meanAbsoluteError).toBe(0.75);
    // Hand computation: observed weighted disagreement 5/16, expected 72/64 → κ = 1 − (5/16)/(72/64).
    expect(a.quadraticKappa).toBeCloseTo(1 - 5 / 16 / (72 / 64), 10);
  });

  it('kappa drops below zero for systematically opposite ratings', () => {
    const pairs = [1, 2, 4, 5].map((v) => ({ human: v, judge: 6 - v }));
    expect(ratingAgreement(pairs).quadraticKappa).toBeLessThan(0);
  });
});
