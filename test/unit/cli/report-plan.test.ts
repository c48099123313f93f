import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportEventId } from '../../../src/cli/report/run-report.ts';
import { planCommand } from '../../../src/cli/report/tool-plan.ts';

/** Which reporter `mentorflow report` asks each tool for, and the stable id of what it posts. */
const project = mkdtempSync(join(tmpdir(), 'mentorflow-plan-'));
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    scripts: {
      test: 'vitest run',
      'test:jest': 'jest',
      lint: 'eslint src',
      typecheck: 'tsc --noEmit',
      ci: 'tsc && vitest run',
      build: 'vite build',
    },
  }),
);
afterAll(() => rmSync(project, { recursive: true, force: true }));
const plan = (argv: string[]) => planCommand(argv, project, '/tmp/r');

describe('planCommand', () => {
  it('asks vitest for its JSON reporter next to the default one, once (not in watch mode)', () => {
    expect(plan(['npx', 'vitest'])).toEqual({
      tool: 'vitest',
      argv: [
        'npx',
        'vitest',
        '--run',
        '--reporter=default',
        '--reporter=json',
        '--outputFile.json=/tmp/r/vitest.json',
      ],
      reportFile: '/tmp/r/vitest.json',
      quietOutput: false,
    });
    const withCoverage = plan(['vitest', 'run', '--coverage']);
    expect(withCoverage.argv).toContain('--coverage.reporter=json-summary');
    expect(withCoverage.coverageFile).toBe(join(project, 'coverage', 'coverage-summary.json'));
  });

  it('reads package scripts: npm test is vitest, flags go after --; a chained script is a build', () => {
    expect(plan(['npm', 'test']).argv).toEqual([
      'npm',
      'test',
      '--',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=/tmp/r/vitest.json',
    ]);
    expect(plan(['npm', 'run', 'test:jest']).argv).toEqual([
      'npm',
      'run',
      'test:jest',
      '--',
      '--json',
      '--outputFile=/tmp/r/jest.json',
    ]);
    expect(plan(['npm', 'run', 'typecheck'])).toMatchObject({
      tool: 'tsc',
      argv: ['npm', 'run', 'typecheck', '--', '--pretty', 'false'],
    });
    expect(plan(['yarn', 'lint'])).toMatchObject({
      tool: 'eslint',
      argv: ['yarn', 'lint', '--format', 'json', '--output-file', '/tmp/r/eslint.json'],
      quietOutput: true,
    });
    expect(plan(['npm', 'run', 'ci']).tool).toBe('build');
    expect(plan(['npm', 'run', 'build'])).toEqual({
      tool: 'build',
      argv: ['npm', 'run', 'build'],
      quietOutput: false,
    });
  });

  it('replaces a format ESLint was given, keeps tsc --pretty when set, adds --json to npm audit', () => {
    expect(plan(['eslint', '-f', 'stylish', 'src']).argv).toEqual([
      'eslint',
      'src',
      '--format',
      'json',
      '--output-file',
      '/tmp/r/eslint.json',
    ]);
    expect(plan(['tsc', '--pretty', 'true']).argv).toEqual(['tsc', '--pretty', 'true']);
    expect(plan(['node', 'node_modules/typescript/bin/tsc', '--noEmit']).tool).toBe('tsc');
    expect(plan(['npm', 'audit'])).toMatchObject({
      tool: 'npm-audit',
      argv: ['npm', 'audit', '--json'],
      quietOutput: true,
    });
  });
});

describe('reportEventId', () => {
  it('is the same for the same run, session, command and output, and differs otherwise', () => {
    const event = { type: 'test-run' as const, raw: '{"numTotalTests":1}' };
    const id = reportEventId('run-1', 's1', ['npm', 'test'], event);
    expect(id).toMatch(/^report:[0-9a-f]{40}$/);
    // A retried post of the same run keeps its id.
    expect(reportEventId('run-1', 's1', ['npm', 'test'], event)).toBe(id);
    expect(reportEventId('run-1', 's2', ['npm', 'test'], event)).not.toBe(id);
    expect(reportEventId('run-1', 's1', ['npm', 'run', 'test'], event)).not.toBe(id);
    expect(reportEventId('run-1', 's1', ['npm', 'test'], { ...event, raw: '{}' })).not.toBe(id);
    expect(reportEventId('run-1', 's1', ['npm', 'test'], { ...event, type: 'coverage' })).not.toBe(
      id,
    );
  });

  it('differs for a new run with the same output (a clean tsc prints the same thing every time)', () => {
    const event = { type: 'typecheck' as const, raw: '' };
    expect(reportEventId('run-2', 's1', ['tsc'], event)).not.toBe(
      reportEventId('run-1', 's1', ['tsc'], event),
    );
  });
});
