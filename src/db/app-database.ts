import { PostgresStore } from '@mastra/pg';
import { config } from '../config/index.ts';
import { createLogger } from '../logger.ts';
import { openDatabase, prepareDatabase, type Database } from './database.ts';

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

/**
 * Mastra's storage on the app's pool. `mastra.shutdown()` closes the storage last, after the workers,
 * so closing it closes the database too: the pool, and the embedded PostgreSQL when this process
 * started it. That is what stops the embedded server on Ctrl-C of `mastra dev` or the built server.
 */
class AppStore extends PostgresStore {
  readonly #database: Database;

  constructor(database: Database) {
    // The schema was prepared above, so it never initialises itself.
    super({ id: 'mentorflow', pool: database.pool, disableInit: true });
    this.#database = database;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.#database.close();
  }
}

export const storage = new AppStore(appDatabase);
