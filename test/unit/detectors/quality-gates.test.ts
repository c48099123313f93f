import { describe, expect, it } from 'vitest';
import { evaluateQualityGates, type QualityReports } from '../../../src/sessions/quality-gates.ts';
import { parseBuildOutput } from '../../../tools/parse-build-output.ts';
import { parseCoverage, type CoverageSummary } from '../../../tools/parse-coverage.ts';
import { parseEslint } from '../../../tools/parse-eslint.ts';
import { parseNpmAudit, type NpmAuditSummary } from '../../../tools/parse-npm-audit.ts';
import { parseTestReport } from '../../../tools/parse-test-report.ts';
import { parseTsc } from '../../../tools/parse-tsc.ts';
import { storyPolicies } from '../../../src/domain/machines/story-policies.ts';
import { fixture } from '../tools/report-fixtures.ts';

const policy = storyPolicies.qualityGates;
const coverage = (lines: number): CoverageSummary => ({
  lines,
  statements: 100,
  functions: 100,
  branches: 100,
});
const audit = (counts: Partial<NpmAuditSummary['counts']>): NpmAuditSummary => {
  const full = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  const total = Object.values(full).reduce((a, b) => a + b, 0);
  return { counts: full, total, clean: total === 0, packages: [] };
};
const green: QualityReports = {
  coverage: parseCoverage(fixture('coverage-summary-full.json')),
  lint: parseEslint(fixture('eslint-clean.json')),
  typecheck: parseTsc(''),
  build: parseBuildOutput(fixture('build-vite-ok.txt'), 0),
  security: parseNpmAudit(fixture('npm-audit-clean.json')),
};
const gate = (reports: QualityReports, name: string) =>
  evaluateQualityGates(reports).gates.find((g) => g.gate === name);

describe('evaluateQualityGates', () => {
  it('passes when every report is green → allPass', () => {
    const result = evaluateQualityGates(green);
    expect(result).toMatchObject({ passed: true, pending: [], event: 'allPass' });
    expect(result.gates.map((g) => [g.gate, g.status])).toEqual([
      ['coverage', 'passed'],
      ['lint', 'passed'],
      ['typecheck', 'passed'],
      ['build', 'passed'],
      ['security', 'passed'],
    ]);
  });

  it('marks missing reports pending: not passed, not failed, no event', () => {
    const result = evaluateQualityGates({ coverage: green.coverage, build: null });
    expect(result).toMatchObject({
      passed: false,
      pending: ['lint', 'typecheck', 'build', 'security'],
      event: null,
    });
    expect(result.gates.find((g) => g.gate === 'lint')).toEqual({
      gate: 'lint',
      status: 'pending',
      passed: false,
      actual: null,
      expected: policy.maxLintErrors,
      reason: 'no lint report yet',
    });
    expect(result.gates.every((g) => g.severity === undefined)).toBe(true);
  });

  it('coverage passes exactly at the minimum and fails just below it', () => {
    expect(gate({ coverage: coverage(policy.minCoveragePct) }, 'coverage')).toMatchObject({
      status: 'passed',
      actual: policy.minCoveragePct,
      expected: policy.minCoveragePct,
    });
    expect(gate({ coverage: coverage(policy.minCoveragePct + 0.5) }, 'coverage')?.status).toBe(
      'passed',
    );
    expect(gate({ coverage: coverage(policy.minCoveragePct - 0.01) }, 'coverage')).toMatchObject({
      status: 'failed',
      passed: false,
      severity: 'major',
      reason: `line coverage ${policy.minCoveragePct - 0.01}% < ${policy.minCoveragePct}%`,
    });
    expect(
      gate({ coverage: parseCoverage(fixture('coverage-summary.json')) }, 'coverage'),
    ).toMatchObject({ status: 'failed', actual: 87.5 });
  });

  it('lint: at the limit passes, above fails; only fixable errors are minor', () => {
    const clean = parseEslint(fixture('eslint-clean.json'));
    expect(gate({ lint: { ...clean, errorCount: policy.maxLintErrors } }, 'lint')?.status).toBe(
      'passed',
    );
    expect(gate({ lint: parseEslint(fixture('eslint-fixable.json')) }, 'lint')).toMatchObject({
      status: 'failed',
      actual: 2,
      severity: 'minor',
      reason: '2 lint errors (at most 0), all fixable with eslint --fix',
    });
    expect(gate({ lint: parseEslint(fixture('eslint.json')) }, 'lint')).toMatchObject({
      status: 'failed',
      actual: 3,
      severity: 'major',
    });
    expect(
      evaluateQualityGates({ ...green, lint: parseEslint(fixture('eslint-fixable.json')) }).event,
    ).toBe('minorIssues');
  });

  it('type errors and failing tests are major', () => {
    const result = evaluateQualityGates({
      ...green,
      typecheck: parseTsc(fixture('tsc-plain.txt')),
    });
    expect(result.gates.find((g) => g.gate === 'typecheck')).toMatchObject({
      status: 'failed',
      actual: 4,
      expected: 0,
      severity: 'major',
    });
    expect(result.event).toBe('majorIssues');
    const tests = evaluateQualityGates({
      ...green,
      tests: parseTestReport(fixture('junit-vitest.xml')),
    });
    expect(tests.gates.find((g) => g.gate === 'tests')).toMatchObject({
      status: 'failed',
      actual: 2,
      reason: '2 of 8 tests failed',
      severity: 'major',
    });
    expect(
      evaluateQualityGates({ ...green, tests: parseTestReport(fixture('junit-empty.xml')) }).passed,
    ).toBe(true);
  });

  it('a failed build is critical and wins over other failures', () => {
    const result = evaluateQualityGates({
      ...green,
      lint: parseEslint(fixture('eslint.json')),
      build: parseBuildOutput(fixture('build-esbuild-resolve.txt'), 1),
    });
    expect(result.gates.find((g) => g.gate === 'build')).toMatchObject({
      status: 'failed',
      actual: false,
      expected: true,
      severity: 'critical',
      reason: 'the build failed: ✘ [ERROR] Could not resolve "./utils/format.ts"',
    });
    expect(result.event).toBe('criticalIssues');
  });

  it('security: high or critical is critical, moderate major, low or info minor', () => {
    expect(
      gate({ security: parseNpmAudit(fixture('npm-audit-v7.json')) }, 'security'),
    ).toMatchObject({
      severity: 'critical',
      reason: 'vulnerabilities: 2 critical, 1 high, 1 moderate, 1 low',
    });
    expect(gate({ security: audit({ high: 1 }) }, 'security')?.severity).toBe('critical');
    expect(gate({ security: audit({ moderate: 2, low: 1 }) }, 'security')?.severity).toBe('major');
    expect(gate({ security: audit({ low: 1 }) }, 'security')?.severity).toBe('minor');
    expect(gate({ security: audit({ info: 1 }) }, 'security')).toMatchObject({
      status: 'failed',
      severity: 'minor',
    });
  });

  it('waits for every required report: a failure alone decides nothing while others are pending', () => {
    const { coverage: _coverage, ...others } = green;
    expect(evaluateQualityGates({ coverage: { ...green.coverage!, lines: 40 } })).toMatchObject({
      passed: false,
      event: null,
    });
    expect(evaluateQualityGates({ build: parseBuildOutput('Error: x', 1) })).toMatchObject({
      passed: false,
      pending: ['coverage', 'lint', 'typecheck', 'security'],
      event: null,
    });
    expect(evaluateQualityGates({ ...others, lint: { ...green.lint!, errorCount: 3 } }).event).toBe(
      null,
    );
  });

  it('once the wait ended, a missing report fails its gate (major) and the worst failure decides', () => {
    const waited = evaluateQualityGates(
      { coverage: { ...green.coverage!, lines: 95 } },
      undefined,
      {
        waitEnded: true,
      },
    );
    expect(waited).toMatchObject({ passed: false, pending: [], event: 'majorIssues' });
    expect(waited.gates.find((g) => g.gate === 'lint')).toMatchObject({
      status: 'failed',
      severity: 'major',
      reason: 'no lint report yet: the gates stopped waiting for it',
    });
    expect(
      evaluateQualityGates({ build: parseBuildOutput('Error: x', 1) }, undefined, {
        waitEnded: true,
      }).event,
    ).toBe('criticalIssues');
    expect(evaluateQualityGates(green, undefined, { waitEnded: true }).event).toBe('allPass');
  });

  it('follows the policy: other limits, and gates switched off', () => {
    const lenient = {
      ...policy,
      minCoveragePct: 80,
      maxLintErrors: 5,
      buildMustSucceed: false,
      securityScanClean: false,
    };
    const result = evaluateQualityGates(
      {
        coverage: coverage(85),
        lint: parseEslint(fixture('eslint.json')),
        typecheck: parseTsc(''),
      },
      lenient,
    );
    expect(result.gates.map((g) => g.gate)).toEqual(['coverage', 'lint', 'typecheck']);
    expect(result).toMatchObject({ passed: true, event: 'allPass' });
  });
});
