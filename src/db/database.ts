import { createRequire } from 'node:module';
import { PostgresStore } from '@mastra/pg';
import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';
import type { Config } from '../config/index.ts';
import { AppError } from '../errors/app-error.ts';
import {
  processApplicationName,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './embedded-postgres.ts';
import { migrate, withSchemaLock, type MigrationResult } from './migrate.ts';

export type DatabaseKind = 'embedded' | 'external';

/** The process's one connection pool and where it points. */
export interface Database {
  kind: DatabaseKind;
  url: string;
  pool: pg.Pool;
  /** Ends the pool and, for the embedded server, stops it when no one else uses it. Idempotent. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  log?: (message: string) => void;
  /** Pool size; the default leaves room for Mastra, the timer worker and HTTP handlers. */
  max?: number;
}

/** `DATABASE_URL` when set, else the embedded server under `DATA_DIR`. */
export async function openDatabase(
  cfg: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const url =
    cfg.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(cfg.DATA_DIR, options.log)).url;
  // Named per process, so the embedded server's stop can tell this process's closing connections from
  // another process's live ones.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    connectionTimeoutMillis: 10_000,
    application_name: processApplicationName,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', (error) => options.log?.(`database pool error: ${error.message}`));
  pool.on('connect', (client) =>
    client.on('error', (error) => options.log?.(`database client error: ${error.message}`)),
  );
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw new AppError(
      'DATABASE_ERROR',
      `Cannot connect to ${cfg.DATABASE_URL ? 'DATABASE_URL' : 'the embedded database'}: ${(cause as Error).message}`,
      {
        field: cfg.DATABASE_URL ? 'DATABASE_URL' : undefined,
        cause,
      },
    );
  }
  let closed: Promise<void> | undefined;
  return {
    kind: embedded ? 'embedded' : 'external',
    url,
    pool,
    close() {
      closed ??= (async () => {
        await pool.end().catch(() => undefined);
        await embedded?.stop();
      })();
      return closed;
    },
  };
}

/** Graphile Worker logs every migration step at info; only problems matter at boot. */
const quietGraphileLogger = new Logger(() => (level: string, message: string) => {
  if (level === 'error' || level === 'warning') console.error(`graphile-worker: ${message}`);
});

const require = createRequire(import.meta.url);
/** The Mastra storage schema follows the installed @mastra/pg version. */
export const mastraStorageVersion: string = (
  require('@mastra/pg/package.json') as { version: string }
).version;

/**
 * Bring the schema up to date: our numbered migrations, Graphile Worker's schema (durable timers), then
 * Mastra's storage tables. Mastra's
 * `init()` is not safe when several processes run it at once, so it runs under the schema lock and only
 * when the recorded version differs; every store the app creates afterwards uses `disableInit`.
 */
export async function prepareDatabase(
  pool: pg.Pool,
): Promise<MigrationResult & { mastraInitialised: boolean }> {
  const result = await migrate(pool);
  await withSchemaLock(pool, () => runMigrations({ pgPool: pool, logger: quietGraphileLogger }));
  const mastraInitialised = await withSchemaLock(pool, async (client) => {
    const current = await client.query("select value from app_meta where key = 'mastra_storage'");
    if (current.rows[0]?.value === mastraStorageVersion) return false;
    const store = new PostgresStore({ id: 'mentorflow-init', pool });
    await store.init();
    await client.query(
      `insert into app_meta (key, value) values ('mastra_storage', to_jsonb($1::text))
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [mastraStorageVersion],
    );
    return true;
  });
  return { ...result, mastraInitialised };
}
