import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer } from '../helpers/spawn-cli.ts';

/**
 * The embedded database as a non-root user: PostgreSQL runs as whoever starts mentorflow (as root it
 * switches to the `postgres` system user, covered by embedded-database.test.ts). Under root this test
 * starts the CLI as the `postgres` user, so both paths are exercised on every machine.
 */
const isRoot = process.getuid?.() === 0;
const user = isRoot
  ? {
      uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
      gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
    }
  : undefined;

/**
 * The other user must reach the checkout; a clone inside a `mktemp -d` directory (mode 700) does not
 * let it. Grant search permission on such ancestors for the test and restore their modes after.
 */
function openAncestors(path: string): () => void {
  const changed: { dir: string; mode: number }[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if (!(mode & 0o001)) {
      chmodSync(dir, mode | 0o001);
      changed.push({ dir, mode });
    }
    if (dirname(dir) === dir) break;
  }
  return () => changed.forEach(({ dir, mode }) => chmodSync(dir, mode));
}

describe('embedded PostgreSQL as a non-root user', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorflow-nonroot-'));
  let restore = () => {};
  beforeAll(() => {
    if (!user) return;
    chownSync(dataDir, user.uid, user.gid);
    restore = openAncestors(repoRoot);
  });
  afterAll(() => {
    restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('initialises, serves /ready and stops cleanly', async () => {
    const server = await startServer(
      { DATABASE_URL: undefined, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      user,
    );
    expect(server.output()).toMatch(/initialising embedded PostgreSQL/);
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({
      status: 'ready',
      database: 'embedded',
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopped embedded PostgreSQL/);
  });
});
