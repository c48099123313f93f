import { notScorable, runEvals } from '@mastra/core/evals';
import { caseWorkflow } from './case-workflow.ts';
import { type CalibrationCase, calibrationCaseSchema, tutorDimensions } from './dataset-schemas.ts';
import { mean, ratingAgreement } from './metrics.ts';
import type { CalibrationReport } from './report.ts';
import { bindScorer, boundResult } from './scorers/bind-scorer.ts';
import type { createTutorRubricJudge } from './scorers/tutor-rubric-judge.ts';

/**
 * Run the judge on the human-labelled hints and report how often it agrees with the labels, per
 * dimension (exact, within one point, mean absolute error, quadratic weighted kappa). A judge whose
 * kappa is low on a dimension should not be trusted on that dimension. Goes through runEvals like
 * the agent cases: the target hands over the labelled hint, the judge scores it.
 */
export async function runJudgeCalibration(
  cases: readonly CalibrationCase[],
  judge: ReturnType<typeof createTutorRubricJudge>,
  judgeId: string,
  options: { concurrency?: number; onCase?: () => void } = {},
): Promise<CalibrationReport> {
  const ratingsByCase = new Map<CalibrationCase, Record<string, { score: number }>>();
  const data = cases.map((c) => ({ input: c, groundTruth: c.labels }));
  const rated = bindScorer<CalibrationCase, string | undefined>(judge, (run) => {
    if (run.output === undefined) return notScorable('no hint');
    const { hint: _hint, ...input } = run.input!.input;
    return { input, output: run.output };
  });
  await runEvals({
    target: caseWorkflow(
      'eval-judge-calibration',
      calibrationCaseSchema,
      async (c) => c.input.hint,
    ),
    data,
    scorers: [rated],
    concurrency: options.concurrency ?? 4,
    onItemComplete: ({ item, scorerResults }) => {
      const ratings = (
        boundResult(scorerResults, rated.id)?.analyzeStepResult as
          | { ratings?: Record<string, { score: number }> }
          | undefined
      )?.ratings;
      if (ratings) ratingsByCase.set(item.input as CalibrationCase, ratings);
      options.onCase?.();
    },
  });

  const pairs: Record<string, { human: number; judge: number }[]> = Object.fromEntries(
    tutorDimensions.map((d) => [d, []]),
  );
  for (const c of cases) {
    const ratings = ratingsByCase.get(c);
    for (const d of tutorDimensions)
      if (ratings?.[d]) pairs[d]!.push({ human: c.labels[d], judge: ratings[d].score });
  }
  const dimensions = Object.fromEntries(
    Object.entries(pairs)
      .filter(([, p]) => p.length)
      .map(([d, p]) => [d, ratingAgreement(p)]),
  );
  const agreements = Object.values(dimensions);
  return {
    judge: judgeId,
    n: cases.length,
    dimensions,
    meanQuadraticKappa: mean(agreements.map((a) => a.quadraticKappa)),
    meanExact: mean(agreements.map((a) => a.exact)),
  };
}
