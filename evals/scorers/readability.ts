import { createScorer } from '@mastra/core/evals';
import { fleschReadingEase, wordCount } from '../metrics.ts';

/**
 * Flesch reading ease of the text's prose (code blocks and inline code removed), scaled to 0–1
 * (score / 100, clamped). Around 0.6 is plain English; technical hints usually land at 0.4–0.7.
 */
export const readabilityScorer = createScorer<unknown, string>({
  id: 'readability',
  name: 'Readability (Flesch reading ease)',
  description: 'Flesch reading ease of the prose, divided by 100 and clamped to 0–1.',
})
  .analyze(({ run }) => ({
    fleschReadingEase: fleschReadingEase(run.output),
    words: wordCount(run.output),
  }))
  .generateScore(({ results }) =>
    Math.min(1, Math.max(0, results.analyzeStepResult.fleschReadingEase / 100)),
  )
  .generateReason(
    ({ results }) =>
      `Flesch reading ease ${results.analyzeStepResult.fleschReadingEase.toFixed(1)} over ${results.analyzeStepResult.words} words`,
  );
