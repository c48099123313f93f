import { describe, expect, it } from 'vitest';
import { buildResultSchema, parseBuildOutputTool } from '../../../tools/parse-build-output.ts';
import { coverageSummarySchema, parseCoverageTool } from '../../../tools/parse-coverage.ts';
import { eslintSummarySchema, parseEslintTool } from '../../../tools/parse-eslint.ts';
import { npmAuditSummarySchema, parseNpmAuditTool } from '../../../tools/parse-npm-audit.ts';
import { parseTestReportTool, testReportSchema } from '../../../tools/parse-test-report.ts';
import { parseTscTool, tscSummarySchema } from '../../../tools/parse-tsc.ts';
import { AppError } from '../../../src/errors/app-error.ts';
import { fixture } from './report-fixtures.ts';

// The tools are what agents call: run them through Mastra's execute (input validation included).
const context = {} as never;

describe('report parser tools', () => {
  it.each([
    [
      'parse-coverage',
      parseCoverageTool,
      { report: fixture('coverage-summary.json') },
      coverageSummarySchema,
    ],
    [
      'parse-eslint',
      parseEslintTool,
      { report: fixture('eslint.json'), limit: 1 },
      eslintSummarySchema,
    ],
    ['parse-tsc', parseTscTool, { report: fixture('tsc-plain.txt') }, tscSummarySchema],
    [
      'parse-test-report',
      parseTestReportTool,
      { report: fixture('junit-vitest.xml') },
      testReportSchema,
    ],
    [
      'parse-npm-audit',
      parseNpmAuditTool,
      { report: fixture('npm-audit-v7.json') },
      npmAuditSummarySchema,
    ],
    [
      'parse-build-output',
      parseBuildOutputTool,
      { report: fixture('build-tsc.txt'), exitCode: 2 },
      buildResultSchema,
    ],
  ] as const)('%s returns output matching its schema', async (id, tool, input, schema) => {
    expect(tool.id).toBe(id);
    const output = await tool.execute!(input as never, context);
    expect(schema.safeParse(output).success).toBe(true);
  });

  it('passes options through (eslint limit, build exit code)', async () => {
    const lint = await parseEslintTool.execute!(
      { report: fixture('eslint.json'), limit: 1 },
      context,
    );
    expect(lint).toMatchObject({
      errorCount: 3,
      messages: [{ ruleId: '@typescript-eslint/no-unused-vars' }],
    });
    const build = await parseBuildOutputTool.execute!(
      { report: 'Error: flaky log line', exitCode: 0 },
      context,
    );
    expect(build).toEqual({ success: true, errors: [], signature: null });
  });

  it('accepts an already parsed JSON report', async () => {
    const output = await parseCoverageTool.execute!(
      { report: JSON.parse(fixture('coverage-summary-full.json')) },
      context,
    );
    expect(output).toEqual({ lines: 100, statements: 100, functions: 100, branches: 100 });
  });

  it('rejects input of the wrong type before parsing', async () => {
    const output = await parseTscTool.execute!({ report: 42 } as never, context);
    expect(output).toMatchObject({
      error: true,
      message: expect.stringMatching(/validation failed/i),
    });
  });

  it('surfaces a malformed report as the AppError', async () => {
    await expect(
      parseCoverageTool.execute!({ report: '{"total": {}}' }, context),
    ).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'VALIDATION_ERROR' &&
        error.field === 'total.lines',
    );
  });
});
