import { PostgresStore } from '@mastra/pg';
import { config } from '../config/index.ts';
import { createLogger } from '../logger.ts';
import { openDatabase, prepareDatabase } from './database.ts';

/**
 * The process's database, opened once when first imported (top-level await), so that both
 * `mentorflow start` and `mastra dev` get a migrated database behind the same `src/mastra/index.ts`.
 */
export const logger = createLogger(config().LOG_LEVEL);

const bootStarted = performance.now();
export const appDatabase = await openDatabase(config(), { log: (message) => logger.info(message) });
export const schema = await prepareDatabase(appDatabase.pool);
logger.info(
  `database ready (${appDatabase.kind}, schema level ${schema.level}${schema.applied.length ? `, applied ${schema.applied.join(', ')}` : ''}) in ${Math.round(performance.now() - bootStarted)} ms`,
);

/** Mastra's storage on the same pool; the schema was prepared above, so it never initialises itself. */
export const storage = new PostgresStore({ id: 'mentorflow', pool: appDatabase.pool, disableInit: true });
