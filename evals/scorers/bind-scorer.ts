import {
  createScorer,
  isNotScorable,
  type MastraScorer,
  type NotScorable,
  notScorable,
  type ScorerRun,
} from '@mastra/core/evals';

/** The part of a run a bound scorer hands to the scorer it wraps. */
export type PickedRun = Pick<ScorerRun, 'input' | 'output' | 'groundTruth'>;

/** What a bound scorer keeps of the wrapped scorer's result (its preprocess step result). */
export interface BoundResult {
  score: number;
  reason?: unknown;
  preprocessStepResult?: unknown;
  analyzeStepResult?: unknown;
}

/**
 * `runEvals` gives every scorer the same run: the case (`input`), what the case's workflow returned
 * (`output`) and the case's expectations (`groundTruth`). Each code scorer takes its own shape (a
 * label, a reply text, a score band…), so a bound scorer picks that shape out of the run with `pick`
 * and runs the wrapped scorer on it. `pick` returns `notScorable()` when the case has nothing for
 * this scorer (the agent call failed, the agent gave no label); runEvals then leaves the case out of
 * the scorer's average. The wrapped scorer's score, reason and step results are kept in this
 * scorer's `preprocessStepResult` ({@link boundResult} reads them).
 */
export function bindScorer<TInput = unknown, TOutput = unknown>(
  scorer: MastraScorer<string, any, any, any>,
  pick: (run: ScorerRun<TInput, TOutput>) => PickedRun | NotScorable,
  options: { id?: string; description?: string } = {},
) {
  return createScorer<TInput, TOutput>({
    id: options.id ?? scorer.id,
    name: scorer.name,
    description: options.description ?? scorer.description,
  })
    .preprocess(async ({ run }): Promise<BoundResult | NotScorable> => {
      const picked = pick(run);
      if (isNotScorable(picked)) return picked;
      const result = await scorer.run({
        ...picked,
        ...(run.requestContext ? { requestContext: run.requestContext } : {}),
      });
      if (result.score === undefined) return notScorable(result.notScorable?.reason);
      return {
        score: result.score as number,
        reason: result.reason,
        preprocessStepResult: result.preprocessStepResult,
        analyzeStepResult: result.analyzeStepResult,
      };
    })
    .generateScore(({ results }) => (results.preprocessStepResult as BoundResult).score)
    .generateReason(({ results }) => (results.preprocessStepResult as BoundResult).reason);
}

/** The wrapped scorer's result in one of runEvals' per-item scorer results; undefined when not scored. */
export function boundResult(
  scorerResults: Record<string, unknown>,
  id: string,
): BoundResult | undefined {
  const result = scorerResults[id] as
    | { score?: number; preprocessStepResult?: BoundResult }
    | undefined;
  return result?.score === undefined ? undefined : result.preprocessStepResult;
}
