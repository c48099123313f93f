import '../config/normalise-env.ts';
import { Mastra } from '@mastra/core/mastra';
import { workflows } from '../../workflows/index.ts';
import { logger, storage } from '../db/app-database.ts';

export const mastra = new Mastra({
  workflows,
  storage,
  logger,
});
