import { describe, expect, it } from 'vitest';
import { parseNpmAudit } from '../../../tools/parse-npm-audit.ts';
import { fixture, reportError } from './report-fixtures.ts';

describe('parseNpmAudit', () => {
  it('reads the npm 7+ format: counts from metadata, packages most severe first', () => {
    expect(parseNpmAudit(fixture('npm-audit-v7.json'))).toEqual({
      counts: { info: 0, low: 1, moderate: 1, high: 1, critical: 2 },
      total: 5,
      clean: false,
      packages: [
        { name: 'minimist', severity: 'critical' },
        { name: 'mkdirp', severity: 'critical' },
        { name: 'lodash', severity: 'high' },
        { name: 'semver', severity: 'moderate' },
        { name: 'cookie', severity: 'low' },
      ],
    });
  });

  it('reads the npm 6 advisories format', () => {
    expect(parseNpmAudit(fixture('npm-audit-v6.json'))).toEqual({
      counts: { info: 0, low: 1, moderate: 0, high: 1, critical: 0 },
      total: 2,
      clean: false,
      packages: [
        { name: 'lodash', severity: 'high' },
        { name: 'minimist', severity: 'low' },
      ],
    });
  });

  it('reads a clean scan', () => {
    expect(parseNpmAudit(fixture('npm-audit-clean.json'))).toEqual({
      counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 },
      total: 0,
      clean: true,
      packages: [],
    });
  });

  it('counts the entries when metadata is missing, and info alone is not clean', () => {
    const report = {
      vulnerabilities: { a: { name: 'a', severity: 'info' }, b: { name: 'b', severity: 'info' } },
    };
    expect(parseNpmAudit(report)).toMatchObject({
      counts: { info: 2, low: 0 },
      total: 2,
      clean: false,
    });
  });

  it('tolerates npm warnings printed before the JSON', () => {
    const text = `npm warn config production Use \`--omit=dev\` instead.\n${fixture('npm-audit-clean.json')}`;
    expect(parseNpmAudit(text).clean).toBe(true);
  });

  it("reports npm's own error (no lockfile) with npm's summary", () => {
    const error = reportError(() => parseNpmAudit(fixture('npm-audit-enolock.json')));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe(
      'npm audit report: expected an audit result, but npm reported ENOLOCK: This command requires an existing lockfile.',
    );
  });

  it.each([
    [
      'an unrelated object',
      { name: 'shop' },
      'vulnerabilities',
      /vulnerabilities\{\} or advisories\{\}/,
    ],
    [
      'an unknown severity',
      { vulnerabilities: { a: { severity: 'severe' } } },
      'vulnerabilities.a.severity',
      /one of info, low, moderate, high, critical/,
    ],
    [
      'a negative count',
      { vulnerabilities: {}, metadata: { vulnerabilities: { high: -2 } } },
      'metadata.vulnerabilities.high',
      /non-negative number/,
    ],
    [
      'an advisory that is not an object',
      { advisories: { 12: 'x' } },
      'advisories.12',
      /an object/,
    ],
  ])('rejects %s', (_name, report, field, message) => {
    const error = reportError(() => parseNpmAudit(report));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
