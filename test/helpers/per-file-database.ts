import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from './database-url.ts';

/**
 * Runs before each test file's imports: clone the migrated template into a database of the file's own
 * and point DATABASE_URL at it, so the file's code (and any child process it spawns) uses it.
 * The global teardown drops these databases after the run.
 */
const admin = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const name = `mf_t_${inject('testRunId')}_${randomBytes(5).toString('hex')}`;
const client = new pg.Client({ connectionString: admin });
await client.connect();
try {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`create database "${name}" template "${template}"`);
      break;
    } catch (error) {
      // Two clones starting at the same instant can see each other on the template; try again.
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
} finally {
  await client.end();
}
process.env.DATABASE_URL = databaseUrl(admin, name);
process.env.LOG_LEVEL ??= 'warn';
