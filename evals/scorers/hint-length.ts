import { createScorer } from '@mastra/core/evals';
import { wordCount } from '../metrics.ts';

export interface LengthRange {
  min: number;
  max: number;
}

/** Hints should fit a short message: long enough to guide, short enough to read (80–160 words). */
export const defaultHintLength: LengthRange = { min: 80, max: 160 };

/**
 * 1 when the text's word count is inside the range (`groundTruth`, default 80–160), falling linearly
 * to 0 at half the minimum below or half the maximum above, so near misses still count for something.
 */
export const hintLengthScorer = createScorer<unknown, string>({
  id: 'hint-length',
  name: 'Hint length',
  description:
    'Word count inside the expected range (default 80–160 words) scores 1, decaying linearly outside it.',
})
  .analyze(({ run }) => {
    const range = (run.groundTruth as LengthRange | undefined) ?? defaultHintLength;
    return { words: wordCount(run.output), range };
  })
  .generateScore(({ results }) =>
    lengthScore(results.analyzeStepResult.words, results.analyzeStepResult.range),
  )
  .generateReason(({ results }) => {
    const { words, range } = results.analyzeStepResult;
    return `${words} words (expected ${range.min}–${range.max})`;
  });

/** The length score on its own (used by the scorer and the runner). */
export function lengthScore(words: number, range: LengthRange): number {
  if (words >= range.min && words <= range.max) return 1;
  if (words < range.min) return Math.max(0, 1 - (range.min - words) / (range.min / 2));
  return Math.max(0, 1 - (words - range.max) / (range.max / 2));
}
