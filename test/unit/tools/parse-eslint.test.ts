import { describe, expect, it } from 'vitest';
import { parseEslint } from '../../../tools/parse-eslint.ts';
import { fixture, reportError } from './report-fixtures.ts';

describe('parseEslint', () => {
  it('sums the per-file counts and lists the files with problems', () => {
    const summary = parseEslint(fixture('eslint.json'));
    expect(summary).toMatchObject({
      errorCount: 3,
      warningCount: 2,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
      fileCount: 4,
    });
    expect(summary.files).toEqual([
      { file: '/home/dev/shop/src/order.ts', errorCount: 2, warningCount: 1 },
      { file: '/home/dev/shop/src/main.ts', errorCount: 1, warningCount: 0 },
      { file: '/home/dev/shop/test/cart.test.ts', errorCount: 0, warningCount: 1 },
    ]);
  });

  it('lists errors before warnings, keeps parser errors (no rule) and honours the limit', () => {
    const { messages } = parseEslint(fixture('eslint.json'));
    expect(messages.map((m) => [m.severity, m.ruleId, m.line])).toEqual([
      ['error', '@typescript-eslint/no-unused-vars', 1],
      ['error', 'prefer-const', 8],
      ['error', null, 3],
      ['warning', 'no-console', 12],
      ['warning', 'no-console', 4],
    ]);
    expect(messages[2]).toEqual({
      ruleId: null,
      severity: 'error',
      file: '/home/dev/shop/src/main.ts',
      line: 3,
      column: 30,
      message: "Parsing error: ')' expected.",
    });
    expect(parseEslint(fixture('eslint.json'), 2).messages).toHaveLength(2);
    expect(parseEslint(fixture('eslint.json'), 0).messages).toEqual([]);
  });

  it('reads a clean run and an empty run (0 files)', () => {
    expect(parseEslint(fixture('eslint-clean.json'))).toEqual({
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fileCount: 2,
      files: [],
      messages: [],
    });
    expect(parseEslint('[]')).toMatchObject({ errorCount: 0, fileCount: 0, files: [] });
  });

  it('counts from the messages when a result has no counters', () => {
    const report = [
      {
        filePath: 'a.ts',
        messages: [
          { severity: 2, message: 'x', ruleId: 'r' },
          { severity: 1, message: 'y', ruleId: 'r' },
          { severity: 2, message: 'z', ruleId: 'r' },
        ],
      },
    ];
    expect(parseEslint(report)).toMatchObject({
      errorCount: 2,
      warningCount: 1,
      files: [{ file: 'a.ts', errorCount: 2, warningCount: 1 }],
    });
  });

  it('rejects the stylish text format with a hint to use --format json', () => {
    const error = reportError(() => parseEslint(fixture('eslint-stylish.txt')));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(
      /^eslint report: expected JSON \(run eslint with --format json\)/,
    );
  });

  it.each([
    [
      'an object instead of the array',
      { results: [] },
      'report',
      /expected an array, got an object/,
    ],
    ['a result without filePath', [{ messages: [] }], '0.filePath', /expected a file path/],
    [
      'messages that are not an array',
      [{ filePath: 'a.ts', messages: 'none' }],
      '0.messages',
      /expected an array/,
    ],
    [
      'a message with severity 3',
      [{ filePath: 'a.ts', messages: [{ severity: 3, message: 'x' }] }],
      '0.messages.0.severity',
      /severity 1 or 2/,
    ],
    [
      'a message without text',
      [{ filePath: 'a.ts', messages: [{ severity: 2 }] }],
      '0.messages.0.message',
      /a message text/,
    ],
  ])('rejects %s', (_name, report, field, message) => {
    const error = reportError(() => parseEslint(report));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
