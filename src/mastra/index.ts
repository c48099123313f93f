import '../config/normalise-env.ts';
import { Mastra } from '@mastra/core/mastra';
import { agents } from '../../agents/index.ts';
import { hintLengthScorer, leakDetectionScorer, readabilityScorer } from '../../evals/scorers/index.ts';
import { workflows } from '../../workflows/index.ts';
import { logger, storage } from '../db/app-database.ts';

export const mastra = new Mastra({
  agents,
  workflows,
  // Code scorers over single replies, so Studio can score agent output; the dataset scorers live in evals/.
  scorers: { leakDetectionScorer, hintLengthScorer, readabilityScorer },
  storage,
  logger,
});
