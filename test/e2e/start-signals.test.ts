import { expect, it } from 'vitest';
import { freePort, spawnCli } from '../helpers/spawn-cli.ts';

// `mentorflow start` stops cleanly (exit 0) on SIGTERM at any moment of its start, not only once ready.

it('exits 0 on SIGTERM sent the moment /ready first answers (workers still starting)', async () => {
  const port = await freePort();
  const cli = spawnCli(['start'], { PORT: String(port) });
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
    if (ready?.ok) break;
    if (cli.child.exitCode !== null) throw new Error(`start exited early:\n${cli.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  cli.child.kill('SIGTERM');
  expect(await cli.exited, cli.output()).toBe(0);
}, 60_000);

it('exits 0 on SIGTERM sent while the database is still being opened', async () => {
  const cli = spawnCli(['start'], { PORT: '0' });
  await cli.waitFor(/connecting to DATABASE_URL|starting embedded PostgreSQL/);
  cli.child.kill('SIGTERM');
  expect(await cli.exited, cli.output()).toBe(0);
}, 60_000);
