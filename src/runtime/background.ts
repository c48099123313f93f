import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/database.ts';
import { appVersion } from '../paths.ts';

export interface BackgroundOptions {
  mastra: Mastra;
  database: Database;
  config: Config;
  logger: IMastraLogger;
}

export interface Background {
  stop(): Promise<void>;
}

/**
 * What a server process runs besides HTTP: the boot record now; the timer worker and recovery of
 * interrupted runs join here.
 */
export async function startBackground(options: BackgroundOptions): Promise<Background> {
  const { database } = options;
  await database.pool.query('insert into boot_log (app_version, node_version, database_kind, pid) values ($1, $2, $3, $4)', [
    appVersion,
    process.version,
    database.kind,
    process.pid,
  ]);
  return { stop: async () => undefined };
}
