import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { AppError } from '../errors/app-error.ts';
import { projectRoot } from '../paths.ts';
import { inTransaction } from './transaction.ts';

/** Numbered SQL files `NNNN_name.sql`, applied in order, each in its own transaction. */
export const migrationsDir = join(projectRoot, 'src', 'db', 'migrations');

/** One advisory lock key for every schema change mentorflow makes (ours, Mastra's, Graphile Worker's). */
export const SCHEMA_LOCK_KEY = 7_271_961_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((file) => ({
    version: Number(file.slice(0, 4)),
    name: file.slice(5, -4),
    sql: readFileSync(join(dir, file), 'utf8'),
  }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new AppError(
        'INTERNAL',
        `migration numbering has a gap or duplicate at ${m.version}_${m.name}`,
      );
  });
  return migrations;
}

/**
 * Run `fn` while holding the schema advisory lock on a dedicated connection, so that several processes
 * booting at once change the schema one after the other.
 */
export async function withSchemaLock<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    // Poll instead of blocking in pg_advisory_lock: Mastra's init runs CREATE INDEX CONCURRENTLY, which
    // waits for every open transaction, including a waiter's blocked lock call: a deadlock.
    const deadline = Date.now() + 120_000;
    while (
      !(
        await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
          SCHEMA_LOCK_KEY,
        ])
      ).rows[0]!.ok
    ) {
      if (Date.now() > deadline)
        throw new AppError(
          'DATABASE_ERROR',
          'timed out after 120 s waiting for another process to finish migrating',
        );
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
    try {
      return await fn(client);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function ensureMigrationsTable(client: pg.ClientBase): Promise<void> {
  await client.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
}

export interface MigrationResult {
  applied: string[];
  level: number;
}

/** Apply every pending migration. Safe to call from several processes at once and any number of times. */
export async function migrate(
  pool: pg.Pool,
  migrations = listMigrations(),
): Promise<MigrationResult> {
  return withSchemaLock(pool, async (client) => {
    await ensureMigrationsTable(client);
    const done = new Set(
      (await client.query<{ version: number }>('select version from schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      try {
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
            migration.version,
            migration.name,
          ]);
        });
      } catch (cause) {
        throw new AppError(
          'DATABASE_ERROR',
          `migration ${migration.version}_${migration.name} failed: ${(cause as Error).message}`,
          { cause },
        );
      }
      applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
    }
    return { applied, level: migrations.length ? migrations[migrations.length - 1]!.version : 0 };
  });
}

export interface MigrationStatus {
  level: number;
  latest: number;
  pending: string[];
}

export async function migrationStatus(
  pool: pg.Pool,
  migrations = listMigrations(),
): Promise<MigrationStatus> {
  const exists = await pool.query("select to_regclass('schema_migrations') is not null as ok");
  const versions = exists.rows[0].ok
    ? new Set(
        (await pool.query<{ version: number }>('select version from schema_migrations')).rows.map(
          (r) => r.version,
        ),
      )
    : new Set<number>();
  return {
    level: Math.max(0, ...versions),
    latest: migrations.length ? migrations[migrations.length - 1]!.version : 0,
    pending: migrations
      .filter((m) => !versions.has(m.version))
      .map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
  };
}
