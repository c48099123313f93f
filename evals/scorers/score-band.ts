import { createScorer } from '@mastra/core/evals';
import { inBand, type ScoreBand } from '../metrics.ts';

/**
 * 1 when the agent's numeric score (`output`, e.g. a plan review's 0–100) lies inside the expected
 * band (`groundTruth`, `{ min, max }` inclusive), else 0. The mean is the band hit rate.
 */
export const scoreBandScorer = createScorer<unknown, number>({
  id: 'score-band',
  name: 'Score band hit',
  description:
    'Whether a numeric score falls inside the expected { min, max } band; the mean is the band hit rate.',
})
  .generateScore(({ run }) =>
    Number.isFinite(run.output) && inBand(run.output, run.groundTruth as ScoreBand) ? 1 : 0,
  )
  .generateReason(({ run, score }) => {
    const band = run.groundTruth as ScoreBand;
    return `score ${run.output} ${score === 1 ? 'inside' : 'outside'} [${band.min}, ${band.max}]`;
  });
