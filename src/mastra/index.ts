import '../config/normalise-env.ts';
import { Mastra } from '@mastra/core/mastra';
import { agents } from '../../agents/index.ts';
import { workflows } from '../../workflows/index.ts';
import { logger, storage } from '../db/app-database.ts';

export const mastra = new Mastra({
  agents,
  workflows,
  storage,
  logger,
});
