import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openApiDocument } from '../../../src/http/route.ts';
import { routeDefinitions } from '../../../src/http/routes/index.ts';
import { repoRoot } from '../../helpers/spawn-cli.ts';

/** The product's OpenAPI document (GET /api/mentorflow/openapi.json) passes Redocly's lint. */
it('has an OpenAPI document that passes redocly lint with no error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mentorflow-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument(routeDefinitions, '0.0.0')));
    const lint = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format=stylish'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 150_000);
