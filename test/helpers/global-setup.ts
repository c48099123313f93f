import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  mastraStorageVersion,
  openDatabase,
  prepareDatabase,
  type Database,
} from '../../src/db/database.ts';
import { listMigrations } from '../../src/db/migrate.ts';
import { databaseUrl } from './database-url.ts';

/**
 * Once per `vitest run`: find a PostgreSQL server (DATABASE_URL, else the embedded one under
 * .data/test), build a template database with every migration and Mastra's storage applied, and hand
 * its name to the per-file setup, which clones it (`CREATE DATABASE … TEMPLATE`) so that test files
 * run in parallel without sharing state. The template is named after a hash of the schema inputs, so a
 * changed migration builds a new one.
 */
let server: Database | undefined;

export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  server = await openDatabase({ DATABASE_URL: adminUrl, DATA_DIR: '.data/test' }, { max: 2 });
  const admin = server.url;
  const graphileVersion = (
    JSON.parse(readFileSync('node_modules/graphile-worker/package.json', 'utf8')) as {
      version: string;
    }
  ).version;
  const hash = createHash('sha256')
    .update(JSON.stringify(listMigrations()))
    .update(mastraStorageVersion)
    .update(graphileVersion)
    .digest('hex')
    .slice(0, 12);
  const template = `mentorflow_tpl_${hash}`;

  const exists = await server.pool.query('select 1 from pg_database where datname = $1', [
    template,
  ]);
  if (exists.rowCount === 0) {
    await server.pool.query(`create database "${template}_building"`).catch(async () => {
      await server!.pool.query(`drop database if exists "${template}_building" with (force)`);
      await server!.pool.query(`create database "${template}_building"`);
    });
    const pool = new pg.Pool({
      connectionString: databaseUrl(admin, `${template}_building`),
      max: 4,
    });
    try {
      await prepareDatabase(pool);
    } finally {
      await pool.end();
    }
    await server.pool.query(`alter database "${template}_building" rename to "${template}"`);
  }
  // Each run marks the template it uses; one no run has used for a day belongs to an earlier schema.
  // (Dropping every other template at once made two checkouts with different migrations on one
  // server, e.g. git worktrees, drop each other's template mid-run.)
  await server.pool.query(`comment on database "${template}" is '${Date.now()}'`);
  const oldTemplates = await server.pool.query<{ datname: string }>(
    `select d.datname from pg_database d
      where d.datname like 'mentorflow_tpl_%' and d.datname not like '%_building' and d.datname <> $1
        and coalesce(substring(shobj_description(d.oid, 'pg_database') from '^[0-9]+$')::bigint, 0)
            < $2`,
    [template, Date.now() - 24 * 3600_000],
  );
  for (const { datname } of oldTemplates.rows)
    await server.pool.query(`drop database if exists "${datname}"`).catch(() => undefined);
  // Remove databases left by runs that were killed more than two hours ago (names carry the run's start
  // time), never those of a run still going on the same server.
  const runId = Date.now().toString(36);
  const stale = await server.pool.query<{ datname: string }>(
    "select datname from pg_database where datname like 'mf_t_%'",
  );
  for (const { datname } of stale.rows) {
    const started = parseInt(datname.split('_')[2] ?? '', 36);
    if (Number.isFinite(started) && Date.now() - started > 2 * 3600_000) {
      await server.pool
        .query(`drop database if exists "${datname}" with (force)`)
        .catch(() => undefined);
    }
  }

  project.provide('adminDatabaseUrl', admin);
  project.provide('templateDatabase', template);
  project.provide('testRunId', runId);

  return async () => {
    const made = await server!.pool.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`mf_t_${runId}_%`],
    );
    for (const { datname } of made.rows)
      await server!.pool
        .query(`drop database if exists "${datname}" with (force)`)
        .catch(() => undefined);
    await server!.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    testRunId: string;
  }
}
