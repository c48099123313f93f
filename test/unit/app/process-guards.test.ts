import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../helpers/spawn-cli.ts';

it('logs an unhandled rejection and keeps the process alive', () => {
  const guards = join(repoRoot, 'src/app/process-guards.ts');
  const script = `
    const { logUnhandledRejections } = await import(${JSON.stringify(guards)});
    logUnhandledRejections({ error: (m) => console.log('LOGGED ' + m.split('\\n')[0]) });
    Promise.reject(new Error('nobody listens'));
    setTimeout(() => console.log('ALIVE'), 100);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.status, child.stderr).toBe(0);
  expect(child.stdout).toContain(
    'LOGGED unhandled rejection (the server keeps serving): Error: nobody listens',
  );
  expect(child.stdout).toContain('ALIVE');
});
