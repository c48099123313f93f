import { describe, expect, it } from 'vitest';
import { parseCoverage } from '../../../tools/parse-coverage.ts';
import { fixture, jsonFixture, reportError } from './report-fixtures.ts';

describe('parseCoverage', () => {
  it('reads the total percentages of a json-summary report (text or parsed)', () => {
    const expected = { lines: 87.5, statements: 86.15, functions: 90, branches: 75 };
    expect(parseCoverage(fixture('coverage-summary.json'))).toEqual(expected);
    expect(parseCoverage(jsonFixture('coverage-summary.json'))).toEqual(expected);
  });

  it('reads 100 % and 0 % coverage', () => {
    expect(parseCoverage(fixture('coverage-summary-full.json'))).toEqual({
      lines: 100,
      statements: 100,
      functions: 100,
      branches: 100,
    });
    expect(parseCoverage(fixture('coverage-summary-zero.json'))).toEqual({
      lines: 0,
      statements: 0,
      functions: 0,
      branches: 0,
    });
  });

  it('treats a project with nothing to cover as 100 %, in the current and the legacy ("Unknown") format', () => {
    const all = { lines: 100, statements: 100, functions: 100, branches: 100 };
    expect(parseCoverage(fixture('coverage-summary-empty.json'))).toEqual(all);
    expect(parseCoverage(fixture('coverage-summary-unknown.json'))).toEqual(all);
  });

  it('computes a missing pct from covered / total', () => {
    const entry = (total: number, covered: number) => ({ total, covered, skipped: 0 });
    const report = {
      total: {
        lines: entry(3, 2),
        statements: entry(8, 8),
        functions: entry(0, 0),
        branches: entry(7, 1),
      },
    };
    expect(parseCoverage(report)).toEqual({
      lines: 66.67,
      statements: 100,
      functions: 100,
      branches: 14.29,
    });
  });

  it('says when it was given coverage-final.json instead of the summary', () => {
    const error = reportError(() => parseCoverage(fixture('coverage-final.json')));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.field).toBe('total');
    expect(error.message).toMatch(
      /^coverage report: expected .*coverage-final\.json.*json-summary/,
    );
  });

  it.each([
    [
      'a pct out of range',
      {
        total: {
          lines: { pct: 101 },
          statements: { pct: 1 },
          functions: { pct: 1 },
          branches: { pct: 1 },
        },
      },
      'total.lines.pct',
      /between 0 and 100, got 101/,
    ],
    [
      'a pct that is text',
      {
        total: {
          lines: { pct: 90 },
          statements: { pct: 'n/a' },
          functions: { pct: 1 },
          branches: { pct: 1 },
        },
      },
      'total.statements.pct',
      /expected a number/,
    ],
    [
      'a missing metric',
      { total: { lines: { pct: 90 }, statements: { pct: 90 }, functions: { pct: 90 } } },
      'total.branches',
      /expected an object, got nothing/,
    ],
    [
      'total that is not an object',
      { total: 87 },
      'total',
      /expected an object, got the number 87/,
    ],
    ['an array', [1, 2], 'report', /expected an object, got an array/],
  ])('rejects %s with a VALIDATION_ERROR naming the field', (_name, report, field, message) => {
    const error = reportError(() => parseCoverage(report));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^coverage report: /);
  });

  it('rejects text that is not JSON and empty input', () => {
    expect(reportError(() => parseCoverage('Statements : 87.5% ( 105/120 )')).message).toMatch(
      /^coverage report: expected JSON \(istanbul json-summary.*\), got "Statements : 87.5% \( 105\/120 \)"$/,
    );
    expect(reportError(() => parseCoverage('  ')).message).toMatch(/got empty input/);
  });

  it('message names the path as the brief requires: "expected ... at total.lines.pct"', () => {
    const report = {
      total: {
        lines: { pct: null },
        statements: { pct: 1 },
        functions: { pct: 1 },
        branches: { pct: 1 },
      },
    };
    expect(reportError(() => parseCoverage(report)).message).toMatch(
      /^coverage report: expected .* at total\.lines\.pct$/,
    );
  });
});
