import { createScorer } from '@mastra/core/evals';
import { accuracy, confusionMatrix, type LabelPair, macroF1, perClassMetrics } from '../metrics.ts';

/**
 * Scores a whole classification run at once: `output` is every case's `{ expected, predicted }`,
 * `groundTruth` optionally `{ labels }` to fix the confusion matrix's order. The score is macro-F1; the
 * analyze step's result carries the confusion matrix, per-class precision/recall/F1 and accuracy.
 */
export const macroF1Scorer = createScorer<unknown, LabelPair[]>({
  id: 'macro-f1',
  name: 'Macro-F1 and confusion matrix',
  description:
    'Macro-averaged F1 over the labels of a classification run, with its confusion matrix.',
})
  .analyze(({ run }) => {
    const labels = (run.groundTruth as { labels?: string[] } | undefined)?.labels ?? [];
    const confusion = confusionMatrix(run.output, labels);
    return { confusion, perClass: perClassMetrics(confusion), accuracy: accuracy(run.output) };
  })
  .generateScore(({ results }) => macroF1(results.analyzeStepResult.confusion))
  .generateReason(({ results, score }) => {
    const worst = [...results.analyzeStepResult.perClass]
      .filter((c) => c.support > 0)
      .sort((a, b) => a.f1 - b.f1)[0];
    return (
      `macro-F1 ${score.toFixed(3)}, accuracy ${results.analyzeStepResult.accuracy.toFixed(3)}` +
      (worst ? `; weakest class ${worst.label} (F1 ${worst.f1.toFixed(3)})` : '')
    );
  });
