import { createScorer } from '@mastra/core/evals';
import type { MastraModelConfig } from '@mastra/core/llm';
import { z } from 'zod';
import { type TutorDimension, tutorDimensions } from '../dataset-schemas.ts';
import { mean } from '../metrics.ts';
import {
  type TutorJudgeCase,
  tutorJudgeInstructions,
  tutorJudgePrompt,
} from './tutor-judge-prompt.ts';

export interface TutorRubricJudgeOptions {
  /** The judge model (a model id such as `openai/gpt-4o-mini`, or a language model instance). */
  model: MastraModelConfig;
  /** Dimensions to rate; all seven by default. */
  dimensions?: readonly TutorDimension[];
}

const ratingSchema = z.object({ score: z.number().int().min(1).max(5), reason: z.string() });

/** 1–5 rating → 0–1. */
export function normaliseRating(score: number): number {
  return (score - 1) / 4;
}

/**
 * LLM-judge scorer for hints and explanations on MRBench's tutor dimensions. `input` is the case
 * ({@link TutorJudgeCase}), `output` the reply text. One judge call rates every dimension (1–5,
 * in the analyze step's `ratings`); the score is their mean mapped to 0–1. Only built when a judge
 * model is configured — the offline run uses the code scorers alone. Check a judge against the
 * human labels of `judge-calibration.jsonl` (`npm run eval -- --judge <id> --dataset …`) before
 * trusting it.
 */
export function createTutorRubricJudge(options: TutorRubricJudgeOptions) {
  const dimensions = options.dimensions ?? tutorDimensions;
  const outputSchema = z.object({
    ratings: z.object(
      Object.fromEntries(dimensions.map((d) => [d, ratingSchema])) as Record<
        TutorDimension,
        typeof ratingSchema
      >,
    ),
  });
  return createScorer<TutorJudgeCase, string>({
    id: 'tutor-rubric-judge',
    name: 'Tutor rubric (LLM judge)',
    description: `LLM judge rating a tutor reply 1–5 on ${dimensions.join(', ')}; score is the mean rating mapped to 0–1.`,
    judge: { model: options.model, instructions: tutorJudgeInstructions },
  })
    .analyze({
      description: 'Rate the reply on each tutor dimension',
      outputSchema,
      createPrompt: ({ run }) => tutorJudgePrompt(run.input ?? {}, run.output, dimensions),
    })
    .generateScore(({ results }) => {
      const ratings = results.analyzeStepResult.ratings as Record<string, { score: number }>;
      return mean(dimensions.map((d) => normaliseRating(ratings[d]!.score)));
    })
    .generateReason(({ results }) => {
      const ratings = results.analyzeStepResult.ratings as Record<
        string,
        { score: number; reason: string }
      >;
      return dimensions.map((d) => `${d} ${ratings[d]!.score}/5: ${ratings[d]!.reason}`).join('\n');
    });
}
