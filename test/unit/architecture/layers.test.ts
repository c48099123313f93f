import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from '../../helpers/spawn-cli.ts';

/**
 * The layer order of ARCHITECTURE.md §6, as `.dependency-cruiser.cjs` encodes it: no import cycle,
 * no import against the order. The known-violations file may only shrink: each entry there is a
 * debt with the issue that removes it (the mentor-turn workflow calling the session service).
 */
it('imports flow one way through the layers, with no cycle', () => {
  const cruise = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      '--ignore-known',
      '.dependency-cruiser-known-violations.json',
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
  const known = JSON.parse(
    readFileSync(join(repoRoot, '.dependency-cruiser-known-violations.json'), 'utf8'),
  ) as { from: string }[];
  expect(known.map((v) => v.from)).toEqual([
    'workflows/mentor-turn/apply-turn-step.ts',
    'workflows/mentor-turn/apply-turn-step.ts',
  ]);
}, 150_000);
