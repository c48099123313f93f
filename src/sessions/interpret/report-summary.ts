/**
 * Report events are stored as the parser's summary (tools/parse-*.ts), never as raw output: the
 * detectors, escalation triggers and quality gates read the summary, and the inbox stays small.
 * Figures sent without a report are completed to the same shape.
 */
import type { z } from 'zod';
import {
  buildErrorSignature,
  parseBuildOutput,
  type BuildResult,
} from '../../../tools/parse-build-output.ts';
import { parseCoverage, type CoverageSummary } from '../../../tools/parse-coverage.ts';
import { parseEslint, type EslintSummary } from '../../../tools/parse-eslint.ts';
import { parseNpmAudit, type NpmAuditSummary } from '../../../tools/parse-npm-audit.ts';
import { parseTestReport, type TestReport } from '../../../tools/parse-test-report.ts';
import { parseTsc, type TscSummary } from '../../../tools/parse-tsc.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { domainEventSchemas, ReportEventType } from '../event-schemas.ts';

type DataOf<T extends ReportEventType> = z.output<(typeof domainEventSchemas)[T]>;

/** Runs a parser; its errors name a field inside the report, which becomes `data.report.<field>`. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const inner = error.field && error.field !== 'report' ? `.${error.field}` : '';
    throw new AppError('VALIDATION_ERROR', `data.report: ${error.message}`, {
      field: `data.report${inner}`,
      cause: error,
    });
  }
}

const withTask = <T extends object>(
  summary: T,
  taskId: string | undefined,
): T & { taskId?: string } => (taskId === undefined ? summary : { ...summary, taskId });

function testRun(d: DataOf<'test-run'>): TestReport {
  if (d.report !== undefined) return parsed(() => parseTestReport(d.report));
  const failed = d.failed ?? 0;
  const passed = d.passed ?? 0;
  const skipped = d.skipped ?? 0;
  return {
    format: 'json',
    total: d.total ?? failed + passed + skipped,
    passed,
    failed,
    skipped,
    failures: (d.failures ?? []).map((f) => ({
      name: f.name,
      file: f.file,
      message: f.message ?? '',
    })),
  };
}

function build(d: DataOf<'build'>): BuildResult {
  if (d.report !== undefined) return parsed(() => parseBuildOutput(d.report, d.exitCode));
  const errors = d.errors ?? [];
  const success = d.success ?? d.exitCode === 0;
  return {
    success,
    errors,
    signature: success ? null : buildErrorSignature(errors[0] ?? 'build failed'),
  };
}

function lint(d: DataOf<'lint'>): EslintSummary {
  if (d.report !== undefined) return parsed(() => parseEslint(d.report));
  return {
    errorCount: d.errorCount ?? 0,
    warningCount: d.warningCount ?? 0,
    fixableErrorCount: d.fixableErrorCount ?? 0,
    fixableWarningCount: 0,
    fileCount: 0,
    files: [],
    messages: [],
  };
}

function typecheck(d: DataOf<'typecheck'>): TscSummary {
  if (d.report !== undefined) return parsed(() => parseTsc(d.report));
  return { errorCount: d.errorCount ?? 0, errors: [] };
}

function coverage(d: DataOf<'coverage'>): CoverageSummary {
  if (d.report !== undefined) return parsed(() => parseCoverage(d.report));
  const lines = d.lines ?? 0;
  return {
    lines,
    statements: d.statements ?? lines,
    functions: d.functions ?? lines,
    branches: d.branches ?? lines,
  };
}

function securityScan(d: DataOf<'security-scan'>): NpmAuditSummary {
  if (d.report !== undefined) return parsed(() => parseNpmAudit(d.report));
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...d.counts };
  const total = counts.info + counts.low + counts.moderate + counts.high + counts.critical;
  return { counts, total, clean: total === 0, packages: [] };
}

/** One summariser per report type, each over that type's validated data. */
const summarizers: { [T in ReportEventType]: (data: DataOf<T>) => object } = {
  'test-run': testRun,
  build,
  lint,
  typecheck,
  coverage,
  'security-scan': securityScan,
};

/** The stored data of a report event: the summary (plus `taskId` when given). */
export function summarizeReport(type: ReportEventType, data: unknown): Record<string, unknown> {
  const summarize = summarizers[type] as (data: unknown) => object;
  return withTask(summarize(data), (data as { taskId?: string }).taskId);
}
