import { afterAll, describe, expect, it } from 'vitest';
import { diagnoseBlocker } from '../../../src/models/rules/blocker-diagnosis.ts';
import { verifyFix } from '../../../src/models/rules/fix-verification.ts';
import { reviewPlan } from '../../../src/models/rules/plan-review.ts';
import { coachProgress } from '../../../src/models/rules/progress.ts';
import { coachReview } from '../../../src/models/rules/review.ts';
import { assessUnderstanding } from '../../../src/models/rules/understanding.ts';
import { paralysisHoldout } from './paralysis-holdout.ts';
import { paralysisTable } from './paralysis-table.ts';
import { planHoldout2 } from './plan-holdout.ts';
import { planTable, type PlanCase } from './plan-table.ts';
import {
  blockerHoldout,
  fixHoldout,
  planHoldout,
  progressHoldout,
  reviewHoldout,
  understandingHoldout,
} from './rules-holdout.ts';
import {
  blockerCases,
  fixCases,
  planCases,
  progressCases,
  reviewCases,
  understandingCases,
} from './rules-table.ts';

/**
 * Rules-mode accuracy on a hand-written table (rules-table.ts). The floor is what rules mode must
 * keep; the measured figure is printed. Misses are listed so a regression is easy to see.
 */
const report: string[] = [];

function measure<C>(
  name: string,
  cases: C[],
  predict: (c: C) => string,
  expected: (c: C) => string,
  floor: number,
) {
  it(`${name}: at least ${Math.round(floor * 100)}% on ${cases.length} cases`, () => {
    const misses: string[] = [];
    for (const c of cases) {
      const got = predict(c);
      if (got !== expected(c))
        misses.push(`expected ${expected(c)}, got ${got}: ${JSON.stringify(c).slice(0, 140)}`);
    }
    const accuracy = (cases.length - misses.length) / cases.length;
    report.push(
      `${name}: ${cases.length - misses.length}/${cases.length} = ${Math.round(accuracy * 100)}%${misses.length ? `\n    ${misses.join('\n    ')}` : ''}`,
    );
    expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(floor);
  });
}

describe('rules-mode accuracy', () => {
  measure(
    'blocker-diagnosis',
    blockerCases,
    (c) => diagnoseBlocker(c.input, '').category,
    (c) => c.expected,
    0.75,
  );
  measure(
    'understanding-assessor',
    understandingCases,
    (c) => assessUnderstanding({ story: c.story, restatement: c.restatement }, '').verdict,
    (c) => c.expected,
    0.7,
  );
  measure(
    'plan-reviewer',
    planCases,
    (c) => reviewPlan({ story: c.story, plan: c.plan }, '').verdict,
    (c) => c.expected,
    0.7,
  );
  measure(
    'fix-verifier',
    fixCases,
    (c) => verifyFix(c.input, '').verdict,
    (c) => c.expected,
    0.7,
  );
  measure(
    'review-coach',
    reviewCases,
    (c) => coachReview(c.input, '').outcome,
    (c) => c.expected,
    0.7,
  );
  measure(
    'progress-coach',
    progressCases,
    (c) => coachProgress(c.input, '').assessment,
    (c) => c.expected,
    0.7,
  );
});

describe('rules-mode accuracy on the holdout table', () => {
  measure(
    'blocker-diagnosis (holdout)',
    blockerHoldout,
    (c) => diagnoseBlocker(c.input, '').category,
    (c) => c.expected,
    0.65,
  );
  measure(
    'understanding-assessor (holdout)',
    understandingHoldout,
    (c) => assessUnderstanding({ story: c.story, restatement: c.restatement }, '').verdict,
    (c) => c.expected,
    0.6,
  );
  measure(
    'plan-reviewer (holdout)',
    planHoldout,
    (c) => reviewPlan({ story: c.story, plan: c.plan }, '').verdict,
    (c) => c.expected,
    0.5,
  );
  measure(
    'fix-verifier (holdout)',
    fixHoldout,
    (c) => verifyFix(c.input, '').verdict,
    (c) => c.expected,
    0.6,
  );
  measure(
    'review-coach (holdout)',
    reviewHoldout,
    (c) => coachReview(c.input, '').outcome,
    (c) => c.expected,
    0.6,
  );
  measure(
    'progress-coach (holdout)',
    progressHoldout,
    (c) => coachProgress(c.input, '').assessment,
    (c) => c.expected,
    0.5,
  );
});

/**
 * The weak spots, measured on tables written for them. First measurements, before the rules were
 * changed: plan table verdicts 13/24 (4 of 8 good plans judged missingSteps, 6 of 8 wrong approaches
 * missed), score band 18/24; paralysis table 16/28 (analysisParalysis 7/19, the rest unknownIssue).
 * The holdouts were written after the rules had been fitted to those tables and measured once
 * before further changes: plan holdout 10/11 verdicts and bands; paralysis holdout 8/13 (4/9).
 */
describe('rules-mode accuracy on the plan-review and analysis-paralysis tables', () => {
  const bandHit = (c: PlanCase) => {
    const { score } = reviewPlan({ story: c.story, plan: c.plan }, '');
    return score >= c.band.min && score <= c.band.max
      ? 'in band'
      : `score ${score} outside ${c.band.min}-${c.band.max}`;
  };
  measure(
    'plan-reviewer (plan table)',
    planTable,
    (c) => reviewPlan({ story: c.story, plan: c.plan }, '').verdict,
    (c) => c.expected,
    0.9,
  );
  measure('plan-reviewer score band (plan table)', planTable, bandHit, () => 'in band', 0.9);
  measure(
    'plan-reviewer (plan holdout)',
    planHoldout2,
    (c) => reviewPlan({ story: c.story, plan: c.plan }, '').verdict,
    (c) => c.expected,
    0.8,
  );
  measure('plan-reviewer score band (plan holdout)', planHoldout2, bandHit, () => 'in band', 0.8);
  measure(
    'blocker-diagnosis (paralysis table)',
    paralysisTable,
    (c) => diagnoseBlocker(c.input, '').category,
    (c) => c.expected,
    0.9,
  );
  measure(
    'blocker-diagnosis (paralysis holdout)',
    paralysisHoldout,
    (c) => diagnoseBlocker(c.input, '').category,
    (c) => c.expected,
    0.8,
  );
  afterAll(() => console.log(`rules-mode accuracy\n  ${report.join('\n  ')}`));
});
