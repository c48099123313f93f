import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../helpers/spawn-cli.ts';

/**
 * The layer order of ARCHITECTURE.md §6, as `.dependency-cruiser.cjs` encodes it: no import cycle,
 * no import against the order, and no known-violations baseline to hide one behind.
 */
it('imports flow one way through the layers, with no cycle', () => {
  const cruise = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'src',
      'agents',
      'workflows',
      'tools',
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 },
  );
  expect(cruise.status, cruise.stdout + cruise.stderr).toBe(0);
}, 150_000);
