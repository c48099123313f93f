import { describe, expect, it } from 'vitest';
import { parseTestReport } from '../../../tools/parse-test-report.ts';
import { fixture, jsonFixture, reportError } from './report-fixtures.ts';

describe('parseTestReport — JUnit XML', () => {
  it('reads vitest JUnit: entities decoded, a file that failed to load counted as a failure', () => {
    expect(parseTestReport(fixture('junit-vitest.xml'))).toEqual({
      format: 'junit',
      total: 8,
      passed: 4,
      failed: 2,
      skipped: 2,
      failures: [
        {
          name: 'test/broken.test.ts',
          file: 'test/broken.test.ts',
          message:
            "Cannot find module '../src/missing.ts' imported from /home/dev/shop/test/broken.test.ts",
        },
        {
          name: 'cart total > handles <special> & "quoted" names',
          file: 'test/cart.test.ts',
          message: 'expected 1 to be 2 // Object.is equality',
        },
      ],
    });
  });

  it('reads jest-junit: failure without a message attribute uses the first line of its body', () => {
    expect(parseTestReport(fixture('junit-jest.xml'))).toEqual({
      format: 'junit',
      total: 5,
      passed: 3,
      failed: 1,
      skipped: 1,
      failures: [
        {
          name: 'cart total handles duplicate items',
          message: 'Error: expect(received).toBe(expected) // Object.is equality',
        },
      ],
    });
  });

  it('reads a single <testsuite> root with comments, properties, CDATA, <error> and skipped with a message', () => {
    expect(parseTestReport(fixture('junit-surefire.xml'))).toEqual({
      format: 'junit',
      total: 4,
      passed: 1,
      failed: 2,
      skipped: 1,
      failures: [
        { name: 'com.shop.CartTest > appliesDiscount', message: 'expected: <90> but was: <91>' },
        { name: 'com.shop.CartTest > loadsPrices', message: 'Connection refused' },
      ],
    });
  });

  it('reads an empty report and nested suites with file attributes', () => {
    expect(parseTestReport(fixture('junit-empty.xml'))).toEqual({
      format: 'junit',
      total: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      failures: [],
    });
    const nested = `<testsuites><testsuite name="outer" file="spec/a_spec.rb"><testsuite name="inner">
      <testcase name="works"/><testcase name="breaks"><failure><![CDATA[boom <here>]]></failure></testcase>
      </testsuite></testsuite></testsuites>`;
    expect(parseTestReport(nested)).toEqual({
      format: 'junit',
      total: 2,
      passed: 1,
      failed: 1,
      skipped: 0,
      failures: [{ name: 'breaks', file: 'spec/a_spec.rb', message: 'boom <here>' }],
    });
  });

  it('counts a suite-level failure once', () => {
    const xml =
      '<testsuite name="db" file="t/db.test.ts"><error message="beforeAll hook timed out"/><testcase name="a"/></testsuite>';
    expect(parseTestReport(xml)).toMatchObject({
      total: 2,
      passed: 1,
      failed: 1,
      failures: [{ name: 'db', file: 't/db.test.ts', message: 'beforeAll hook timed out' }],
    });
  });

  it.each([
    [
      'a truncated file',
      fixture('junit-truncated.xml'),
      /well-formed XML \(malformed tag <testcase>, line 17\)/,
    ],
    [
      'a mismatched closing tag',
      '<testsuites><testsuite></testsuites>',
      /<\/testsuites> closes <testsuite>/,
    ],
    ['an unclosed root', '<testsuites><testsuite/>', /input ends inside <testsuites>/],
    [
      'another XML document',
      '<?xml version="1.0"?><project/>',
      /a <testsuites> or <testsuite> root element, got <project>/,
    ],
    ['two roots', '<testsuite/><testsuite/>', /second root element/],
  ])('rejects %s', (_name, xml, message) => {
    const error = reportError(() => parseTestReport(xml));
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toMatch(/^test report: expected /);
    expect(error.message).toMatch(message);
  });
});

describe('parseTestReport — jest/vitest JSON', () => {
  it('reads vitest JSON, naming tests like vitest JUnit and counting a file that failed to load', () => {
    expect(parseTestReport(fixture('vitest-report.json'))).toEqual({
      format: 'json',
      total: 8,
      passed: 4,
      failed: 2,
      skipped: 2,
      failures: [
        {
          name: '/home/dev/shop/test/broken.test.ts',
          file: '/home/dev/shop/test/broken.test.ts',
          message:
            "Cannot find module '../src/missing.ts' imported from /home/dev/shop/test/broken.test.ts",
        },
        {
          name: 'cart total > handles <special> & "quoted" names',
          file: '/home/dev/shop/test/cart.test.ts',
          message: 'AssertionError: expected 1 to be 2 // Object.is equality',
        },
      ],
    });
  });

  it('reads jest JSON (pending = skipped) from text or a parsed object', () => {
    const expected = {
      format: 'json',
      total: 5,
      passed: 3,
      failed: 1,
      skipped: 1,
      failures: [
        {
          name: 'cart total > handles duplicate items',
          file: '/home/dev/shop/test/cart.test.js',
          message: 'Error: expect(received).toBe(expected) // Object.is equality',
        },
      ],
    };
    expect(parseTestReport(fixture('jest-report.json'))).toEqual(expected);
    expect(parseTestReport(jsonFixture('jest-report.json'))).toEqual(expected);
  });

  it('reads an empty run and a summary-only report', () => {
    expect(parseTestReport({ numTotalTests: 0, testResults: [] })).toMatchObject({
      total: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
    });
    expect(
      parseTestReport({
        numTotalTests: 10,
        numFailedTests: 2,
        numPendingTests: 1,
        numTodoTests: 1,
      }),
    ).toMatchObject({
      total: 10,
      passed: 6,
      failed: 2,
      skipped: 2,
      failures: [],
    });
  });

  it('caps the failures list with limit', () => {
    const assertionResults = Array.from({ length: 5 }, (_, i) => ({
      title: `t${i}`,
      ancestorTitles: [],
      status: 'failed',
      failureMessages: [`E${i}`],
    }));
    const report = parseTestReport(
      { testResults: [{ name: 'a.test.ts', status: 'failed', assertionResults }] },
      2,
    );
    expect(report.failed).toBe(5);
    expect(report.failures.map((f) => f.message)).toEqual(['E0', 'E1']);
  });

  it.each([
    ['an unrelated object', { ok: true }, 'testResults', /testResults\[\] or numTotalTests/],
    ['a bad numTotalTests', { numTotalTests: -1 }, 'numTotalTests', /non-negative number/],
    [
      'a test file that is not an object',
      { testResults: [null] },
      'testResults.0',
      /expected an object, got null/,
    ],
    [
      'assertion results that are not an array',
      { testResults: [{ name: 'a', assertionResults: {} }] },
      'testResults.0.assertionResults',
      /an array/,
    ],
    [
      'an assertion without a status',
      { testResults: [{ name: 'a', assertionResults: [{ title: 'x' }] }] },
      'testResults.0.assertionResults.0.status',
      /a status/,
    ],
  ])('rejects %s', (_name, report, field, message) => {
    const error = reportError(() => parseTestReport(report));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('rejects text that is neither XML nor JSON', () => {
    expect(reportError(() => parseTestReport(' ✓ test/a.test.ts (3 tests) 4ms')).message).toMatch(
      /^test report: expected JSON \(JUnit XML, or the jest\/vitest json reporter\)/,
    );
  });
});
