import '../config/normalise-env.ts';
import { Mastra } from '@mastra/core/mastra';
import { agents } from '../../agents/index.ts';
import { hintLengthScorer, leakDetectionScorer, readabilityScorer } from '../../evals/scorers/index.ts';
import { workflows } from '../../workflows/index.ts';
import { config } from '../config/index.ts';
import { appDatabase, logger, storage } from '../db/app-database.ts';
import { serverConfig } from '../http/server-config.ts';
import { BackgroundWorker } from '../runtime/background-worker.ts';

/**
 * The one Mastra instance: agents, workflows, storage, the background worker and the whole HTTP
 * surface, so `npm start`, `mastra dev` and the `mastra build` output are one product.
 */
export const mastra = new Mastra({
  agents,
  workflows,
  // Code scorers over single replies, so Studio can score agent output; the dataset scorers live in evals/.
  scorers: { leakDetectionScorer, hintLengthScorer, readabilityScorer },
  storage,
  logger,
  workers: [new BackgroundWorker({ database: appDatabase, config: config(), logger })],
  server: serverConfig({ config: config(), database: appDatabase, logger }),
});
