/**
 * A database of the bench's own on `DATABASE_URL`'s server (or the embedded one under
 * `.data/bench`), so sizes and counts are this run's alone; `DATABASE_URL` points at it for the
 * app the bench then creates. `drop()` removes it at the end.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/db/database.ts';

export async function benchDatabase(prefix: string) {
  const server = await openDatabase(
    { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: '.data/bench' },
    { max: 2 },
  );
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await server.pool.query(`create database "${name}"`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return {
    /** `embedded` or `external`, for the report. */
    kind: server.kind,
    async drop() {
      await server.pool.query(`drop database if exists "${name}" with (force)`);
      await server.close();
    },
  };
}
