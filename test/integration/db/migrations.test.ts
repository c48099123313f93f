import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listMigrations, migrate, migrationStatus } from '../../../src/db/migrate.ts';
import { databaseUrl } from '../../helpers/database-url.ts';
import { repoRoot } from '../../helpers/spawn-cli.ts';

/** Migrations run against empty databases of their own, not the pre-migrated per-file clone. */
const admin = new pg.Pool({ connectionString: inject('adminDatabaseUrl'), max: 1 });

async function emptyDatabase(): Promise<string> {
  const name = `mf_t_${inject('testRunId')}_m${randomBytes(5).toString('hex')}`;
  await admin.query(`create database "${name}" template template0`);
  return databaseUrl(inject('adminDatabaseUrl'), name);
}

async function schemaOf(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ d: string }>(
    `select table_name || '.' || column_name || ':' || data_type as d from information_schema.columns
     where table_schema = 'public' order by 1`,
  );
  return rows.map((r) => r.d);
}

// The global teardown drops these databases with the run's others (their names carry the run id);
// dropping them here with FORCE would race the pools of the tests as they close.
afterAll(() => admin.end());

describe('migrations', () => {
  let url: string;
  let pool: pg.Pool;
  beforeAll(async () => {
    url = await emptyDatabase();
    pool = new pg.Pool({ connectionString: url, max: 3 });
  });
  afterAll(() => pool.end());

  it('applies every numbered file once, and a second run changes nothing', async () => {
    const first = await migrate(pool);
    expect(first.applied).toEqual(
      listMigrations().map((m) => `${String(m.version).padStart(4, '0')}_${m.name}`),
    );
    const schema = await schemaOf(pool);
    expect(schema).toContain('app_meta.key:text');

    const second = await migrate(pool);
    expect(second.applied).toEqual([]);
    expect(await schemaOf(pool)).toEqual(schema);
    expect(await migrationStatus(pool)).toMatchObject({ level: first.level, pending: [] });
  });

  it('reports pending migrations on an empty database', async () => {
    const emptyPool = new pg.Pool({ connectionString: await emptyDatabase(), max: 1 });
    const status = await migrationStatus(emptyPool);
    await emptyPool.end();
    expect(status.level).toBe(0);
    expect(status.pending.length).toBe(listMigrations().length);
  });

  it('two processes migrating the same database at once both succeed', async () => {
    const target = await emptyDatabase();
    const script = `
      import pg from 'pg';
      import { prepareDatabase } from './src/db/database.ts';
      const pool = new pg.Pool({ connectionString: process.env.TARGET });
      const result = await prepareDatabase(pool);
      console.log(JSON.stringify(result));
      await pool.end();`;
    const runOne = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
          cwd: repoRoot,
          env: { ...process.env, TARGET: target },
        });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const results = await Promise.all([runOne(), runOne()]);
    for (const r of results) expect(r.code, r.out).toBe(0);
    const parsed = results.map(
      (r) =>
        JSON.parse(r.out.trim().split('\n').pop()!) as {
          applied: string[];
          mastraInitialised: boolean;
        },
    );
    // Exactly one of them did the work; the other found it done.
    expect(parsed.map((p) => p.applied.length).sort()).toEqual([0, listMigrations().length]);
    expect(parsed.filter((p) => p.mastraInitialised)).toHaveLength(1);
    const check = new pg.Pool({ connectionString: target, max: 1 });
    const { rows } = await check.query('select count(*)::int as n from schema_migrations');
    await check.end();
    expect(rows[0].n).toBe(listMigrations().length);
  });
});
