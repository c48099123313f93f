import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReports } from '../../../src/cli/report/report-events.ts';
import type { CommandRun } from '../../../src/cli/report/run-command.ts';
import { planCommand } from '../../../src/cli/report/tool-plan.ts';
import { domainEventSchemas } from '../../../src/sessions/event-schemas.ts';

/**
 * What `mentorflow report` posts for each tool, read from real tool output (test/fixtures/reports):
 * every event is valid data for its type, with the summary the learner sees.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-report-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (exitCode: number, stdout = '', stderr = ''): CommandRun => ({
  exitCode,
  stdout,
  stderr,
});

function read(argv: string[], result: CommandRun, files: Record<string, string> = {}) {
  const plan = planCommand(argv, dir, dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const read = readReports(plan, result, Date.now());
  for (const e of read.events)
    expect(domainEventSchemas[e.type].safeParse(e.data).success).toBe(true);
  return read;
}

describe('readReports', () => {
  it('jest JSON and a coverage summary: a test-run and a coverage event', () => {
    writeFileSync(join(dir, 'coverage-summary.json'), fixture('coverage-summary.json'));
    const { events, problems } = read(
      ['jest', '--coverage', `--coverageDirectory=${dir}`],
      run(1),
      { 'jest.json': fixture('jest-report.json') },
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['test-run', 'coverage']);
    expect(events[0]!.summary).toMatch(/failed: /);
    expect(events[1]!.summary).toMatch(/^line coverage [\d.]+%/);
  });

  it('vitest JSON', () => {
    const { events } = read(['vitest', 'run'], run(1), {
      'vitest.json': fixture('vitest-report.json'),
    });
    expect(events[0]).toMatchObject({ type: 'test-run' });
    expect(events[0]!.data.total).toBeGreaterThan(0);
  });

  it('ESLint JSON: the report itself, so the server keeps the messages', () => {
    const { events } = read(['eslint', '.'], run(1), { 'eslint.json': fixture('eslint.json') });
    expect(events[0]!.type).toBe('lint');
    expect(Array.isArray(events[0]!.data.report)).toBe(true);
    expect(events[0]!.summary).toMatch(/^\d+ lint errors?, \d+ warnings?/);
  });

  it('npm audit, tsc and any other command (a build)', () => {
    const audit = read(['npm', 'audit'], run(1, fixture('npm-audit-v7.json')));
    expect(audit.events[0]).toMatchObject({ type: 'security-scan' });
    expect(audit.events[0]!.summary).toMatch(/vulnerabilit/);
    const tsc = read(['tsc', '--noEmit'], run(2, fixture('tsc-plain.txt')));
    expect(tsc.events[0]).toMatchObject({ type: 'typecheck' });
    expect(tsc.events[0]!.summary).toMatch(/type errors?, first .*TS\d+/);
    const build = read(['npm', 'run', 'build'], run(1, '', fixture('build-vite-syntax.txt')));
    expect(build.events[0]).toMatchObject({ type: 'build', data: { exitCode: 1 } });
    expect(build.events[0]!.summary).toMatch(/^it failed \(exit 1\): /);
  });

  it('a test runner that wrote no report: nothing to post, and says so', () => {
    const empty = mkdtempSync(join(tmpdir(), 'mentorflow-report-none-'));
    const plan = planCommand(['vitest', 'run'], empty, empty);
    const { events, problems } = readReports(plan, run(1), Date.now());
    rmSync(empty, { recursive: true, force: true });
    expect(events).toEqual([]);
    expect(problems[0]).toMatch(/vitest wrote no report/);
  });
});
