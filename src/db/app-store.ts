import type { Mastra } from '@mastra/core/mastra';
import { PostgresStore } from '@mastra/pg';
import { AppError } from '../errors/app-error.ts';
import type { Database } from './database.ts';

/**
 * Mastra's storage on the app's pool, carrying the database it runs on. `mastra.shutdown()` closes
 * the storage last, after the workers, so closing it closes the database too: the pool, and the
 * embedded PostgreSQL when this process started it. That is what stops the embedded server on
 * Ctrl-C of `mastra dev` or the built server. The schema is prepared before (`prepareDatabase`),
 * so the store never initialises itself.
 */
export class AppStore extends PostgresStore {
  readonly database: Database;

  constructor(database: Database) {
    super({ id: 'mentorflow', pool: database.pool, disableInit: true });
    this.database = database;
  }

  override async close(): Promise<void> {
    await super.close();
    await this.database.close();
  }
}

/** The database of a Mastra instance built on an `AppStore`: how a step reaches its pool. */
export function databaseOf(mastra: Pick<Mastra, 'getStorage'> | undefined): Database {
  const storage = mastra?.getStorage();
  if (storage instanceof AppStore) return storage.database;
  throw new AppError('INTERNAL', 'this Mastra instance has no mentorflow database (AppStore)');
}
