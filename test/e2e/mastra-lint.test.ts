import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/spawn-cli.ts';

it('passes mastra lint (tsconfig, entry, agents)', () => {
  const lint = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/mastra/dist/index.js'), 'lint'],
    {
      cwd: repoRoot,
      env: { ...process.env, MASTRA_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  expect(lint.stdout + lint.stderr).toContain('Lint passed');
}, 150_000);
