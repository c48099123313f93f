import { describe, expect, it } from 'vitest';
import {
  describeValue,
  firstLine,
  invalidReport,
  readJsonReport,
  stripAnsi,
} from '../../../tools/reports/report-input.ts';
import { reportError } from './report-fixtures.ts';

describe('report input helpers', () => {
  it('builds the VALIDATION_ERROR message and field', () => {
    const error = invalidReport('coverage report', 'a number', 'total.lines.pct');
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 400,
      field: 'total.lines.pct',
      message: 'coverage report: expected a number at total.lines.pct',
    });
    expect(invalidReport('x', 'JSON')).toMatchObject({
      field: 'report',
      message: 'x: expected JSON',
    });
  });

  it('reads JSON text with a BOM or leading log lines, and passes parsed values through', () => {
    expect(readJsonReport('r', '\uFEFF{"a":1}', 'hint')).toEqual({ a: 1 });
    expect(readJsonReport('r', '> npm run x\nnpm warn y\n[1,2]', 'hint')).toEqual([1, 2]);
    const value = { already: 'parsed' };
    expect(readJsonReport('r', value, 'hint')).toBe(value);
  });

  it('explains unreadable JSON with the hint and a preview, keeping the parse error as the cause', () => {
    const error = reportError(() => readJsonReport('r', '{"a": 1,,}', 'use --json'));
    expect(error.message).toBe('r: expected JSON (use --json), got "{"a": 1,,}"');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(reportError(() => readJsonReport('r', 'x'.repeat(200), 'h')).message).toMatch(
      /got "x{60}…"$/,
    );
  });

  it('describes values for messages', () => {
    expect([null, undefined, [], 'abc', 5, {}, true].map(describeValue)).toEqual([
      'null',
      'nothing',
      'an array',
      'a string "abc"',
      'the number 5',
      'an object',
      'a boolean',
    ]);
  });

  it('strips ANSI codes and shortens to the first line', () => {
    expect(stripAnsi('\u001b[96msrc/a.ts\u001b[0m:\u001b[93m3\u001b[0m')).toBe('src/a.ts:3');
    expect(firstLine('  one\ntwo')).toBe('one');
    expect(firstLine('abcdef', 4)).toBe('abc…');
  });
});
