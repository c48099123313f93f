import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import {
  arrayAt,
  countAt,
  countOr,
  firstLine,
  invalidReport,
  jsonReportInputSchema,
  objectAt,
  readJsonReport,
  stringOrUndefined,
  stripAnsi,
} from './reports/report-input.ts';
import { childrenNamed, parseXml, type XmlElement } from './reports/xml.ts';

const label = 'test report';
const hint = 'JUnit XML, or the jest/vitest json reporter';

/** Failures kept in the summary by default. */
export const defaultTestFailureLimit = 100;

export const testFailureSchema = z.object({
  /** The test's name with its suites (`cart total > sums prices`), or the file for a file that failed to run. */
  name: z.string(),
  file: z.string().optional(),
  /** First line of the failure message. */
  message: z.string(),
});
export type TestFailure = z.infer<typeof testFailureSchema>;

export const testReportSchema = z.object({
  format: z.enum(['junit', 'json']),
  /** passed + failed + skipped. A test file that failed to run counts as one failed test. */
  total: z.number(),
  passed: z.number(),
  failed: z.number(),
  /** Skipped, pending, todo and disabled tests. */
  skipped: z.number(),
  failures: z.array(testFailureSchema),
});
export type TestReport = z.infer<typeof testReportSchema>;

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  failures: TestFailure[];
}

/**
 * Reads a test report: JUnit XML (vitest, jest-junit, pytest, Maven Surefire…; `<testsuites>` or a
 * single `<testsuite>` root, nested suites, `<failure>`/`<error>`/`<skipped>`) or the jest/vitest
 * JSON reporter output. Counts come from the test cases themselves, not from summary attributes,
 * so a file that failed to load is still counted. `limit` caps `failures`.
 */
export function parseTestReport(report: unknown, limit = defaultTestFailureLimit): TestReport {
  const isXml =
    typeof report === 'string' &&
    report
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<');
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (isXml) readJunit(parseXml(report, label), tally);
  else readJson(readJsonReport(label, report, hint), tally);
  return {
    format: isXml ? 'junit' : 'json',
    total: tally.passed + tally.failed + tally.skipped,
    passed: tally.passed,
    failed: tally.failed,
    skipped: tally.skipped,
    failures: tally.failures.slice(0, Math.max(0, limit)),
  };
}

function readJunit(root: XmlElement, tally: Tally): void {
  if (root.name !== 'testsuites' && root.name !== 'testsuite') {
    throw invalidReport(label, `a <testsuites> or <testsuite> root element, got <${root.name}>`);
  }
  visitSuite(root, undefined, tally);
}

function visitSuite(suite: XmlElement, parentFile: string | undefined, tally: Tally): void {
  const file = suite.attributes.file ?? suite.attributes.filepath ?? parentFile;
  for (const child of suite.children) {
    if (child.name === 'testsuite') visitSuite(child, file, tally);
    else if (child.name === 'testcase') visitCase(child, file, tally);
    else if (child.name === 'failure' || child.name === 'error') {
      // A suite-level failure (setup or teardown broke): one failed entry for the whole suite.
      tally.failed += 1;
      const name = suite.attributes.name ?? file ?? '(suite)';
      tally.failures.push(withFile({ name, message: junitMessage(child) }, file));
    }
  }
}

function visitCase(testcase: XmlElement, suiteFile: string | undefined, tally: Tally): void {
  const problem = testcase.children.find((c) => c.name === 'failure' || c.name === 'error');
  if (!problem && childrenNamed(testcase, 'skipped').length > 0) {
    tally.skipped += 1;
    return;
  }
  if (!problem) {
    tally.passed += 1;
    return;
  }
  const { classname, name = '(unnamed test)' } = testcase.attributes;
  const classFile = classname && looksLikePath(classname) ? classname : undefined;
  const file = testcase.attributes.file ?? classFile ?? suiteFile;
  // Class names qualify test names (`com.shop.CartTest > appliesDiscount`) unless already part of them.
  const qualified =
    classname && !classFile && classname !== name && !name.startsWith(classname)
      ? `${classname} > ${name}`
      : name;
  tally.failed += 1;
  tally.failures.push(withFile({ name: qualified, message: junitMessage(problem) }, file));
}

function junitMessage(problem: XmlElement): string {
  return firstLine(problem.attributes.message ?? '') || firstLine(problem.text) || problem.name;
}

function looksLikePath(value: string): boolean {
  return /[\\/]/.test(value) || /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|cs|php)$/.test(value);
}

function withFile(failure: TestFailure, file: string | undefined): TestFailure {
  return file ? { ...failure, file } : failure;
}

function readJson(json: unknown, tally: Tally): void {
  const root = objectAt(label, json, 'report');
  if (Array.isArray(root.testResults)) {
    root.testResults.forEach((entry, index) => readJsonFile(entry, `testResults.${index}`, tally));
    return;
  }
  if (root.numTotalTests === undefined) {
    throw invalidReport(label, `${hint} (testResults[] or numTotalTests)`, 'testResults');
  }
  // Summary-only report: trust the counters.
  const total = countAt(label, root.numTotalTests, 'numTotalTests');
  const failed = countOr(root.numFailedTests, 0);
  const skipped = countOr(root.numPendingTests, 0) + countOr(root.numTodoTests, 0);
  tally.failed += failed;
  tally.skipped += skipped;
  tally.passed += countOr(root.numPassedTests, Math.max(0, total - failed - skipped));
}

function readJsonFile(entry: unknown, field: string, tally: Tally): void {
  const result = objectAt(label, entry, field);
  const file = stringOrUndefined(result.name);
  const assertions =
    result.assertionResults === undefined
      ? []
      : arrayAt(label, result.assertionResults, `${field}.assertionResults`);
  let failedHere = 0;
  assertions.forEach((raw, index) => {
    const assertion = objectAt(label, raw, `${field}.assertionResults.${index}`);
    const status = assertion.status;
    if (typeof status !== 'string')
      throw invalidReport(label, 'a status', `${field}.assertionResults.${index}.status`);
    if (status === 'passed') tally.passed += 1;
    else if (status === 'failed') {
      failedHere += 1;
      tally.failed += 1;
      tally.failures.push(
        withFile({ name: assertionName(assertion), message: assertionMessage(assertion) }, file),
      );
    } else tally.skipped += 1;
  });
  if (result.status === 'failed' && failedHere === 0) {
    // The file failed without a failing test: it did not load, or a hook threw.
    tally.failed += 1;
    const message =
      firstLine(stripAnsi(stringOrUndefined(result.message) ?? '')) || 'test file failed';
    tally.failures.push(withFile({ name: file ?? '(test file)', message }, file));
  }
}

function assertionName(assertion: Record<string, unknown>): string {
  const title = stringOrUndefined(assertion.title);
  const ancestors = Array.isArray(assertion.ancestorTitles)
    ? assertion.ancestorTitles.filter((t): t is string => typeof t === 'string')
    : [];
  // Same shape as vitest's JUnit names, so a test keeps its identity across reporters.
  if (title) return [...ancestors, title].join(' > ');
  return stringOrUndefined(assertion.fullName) ?? '(unnamed test)';
}

function assertionMessage(assertion: Record<string, unknown>): string {
  const messages = Array.isArray(assertion.failureMessages) ? assertion.failureMessages : [];
  const first = messages.find((m): m is string => typeof m === 'string' && m.trim().length > 0);
  return first ? firstLine(stripAnsi(first)) : 'failed';
}

/** Mastra tool: JUnit XML or jest/vitest JSON → totals and the failing tests. */
export const parseTestReportTool = createTool({
  id: 'parse-test-report',
  description:
    'Parse a test report (JUnit XML from any runner, or jest/vitest JSON reporter output) into total/passed/failed/skipped counts and the failing tests with file and message.',
  inputSchema: jsonReportInputSchema.extend({
    limit: z
      .number()
      .int()
      .min(0)
      .max(500)
      .optional()
      .describe('How many failures to return (default 100)'),
  }),
  outputSchema: testReportSchema,
  execute: async ({ report, limit }) => parseTestReport(report, limit),
});
