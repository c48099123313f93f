import { createScorer } from '@mastra/core/evals';

/**
 * 1 when the agent's label (the run's `output`) equals the dataset's label (`groundTruth`), else 0.
 * Averaged over a dataset this is the classifier's accuracy; works for any label set (blocker
 * categories, understanding levels, plan verdicts, escalate/no-escalate).
 */
export const labelAccuracyScorer = createScorer<unknown, string>({
  id: 'label-accuracy',
  name: 'Label accuracy',
  description:
    "1 when the predicted label equals the expected label (groundTruth), else 0; the mean is the classifier's accuracy.",
})
  .generateScore(({ run }) => (run.output === run.groundTruth ? 1 : 0))
  .generateReason(({ run, score }) =>
    score === 1
      ? `predicted ${run.output}, as expected`
      : `predicted ${run.output}, expected ${String(run.groundTruth)}`,
  );
