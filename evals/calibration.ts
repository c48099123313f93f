import type { CalibrationCase } from './dataset-schemas.ts';
import { tutorDimensions } from './dataset-schemas.ts';
import { mean, ratingAgreement } from './metrics.ts';
import type { CalibrationReport } from './report.ts';
import type { createTutorRubricJudge } from './scorers/tutor-rubric-judge.ts';

/**
 * Run the judge on the human-labelled hints and report how often it agrees with the labels, per
 * dimension (exact, within one point, mean absolute error, quadratic weighted kappa). A judge whose
 * kappa is low on a dimension should not be trusted on that dimension.
 */
export async function runJudgeCalibration(
  cases: readonly CalibrationCase[],
  judge: ReturnType<typeof createTutorRubricJudge>,
  judgeId: string,
  onCase: () => void = () => {},
): Promise<CalibrationReport> {
  const pairs: Record<string, { human: number; judge: number }[]> = Object.fromEntries(tutorDimensions.map((d) => [d, []]));
  for (const c of cases) {
    const { hint, ...input } = c.input;
    const result = await judge.run({ input, output: hint });
    const ratings = (result.analyzeStepResult as { ratings: Record<string, { score: number }> }).ratings;
    for (const d of tutorDimensions) if (ratings[d]) pairs[d]!.push({ human: c.labels[d], judge: ratings[d].score });
    onCase();
  }
  const dimensions = Object.fromEntries(Object.entries(pairs).filter(([, p]) => p.length).map(([d, p]) => [d, ratingAgreement(p)]));
  const agreements = Object.values(dimensions);
  return {
    judge: judgeId,
    n: cases.length,
    dimensions,
    meanQuadraticKappa: mean(agreements.map((a) => a.quadraticKappa)),
    meanExact: mean(agreements.map((a) => a.exact)),
  };
}
