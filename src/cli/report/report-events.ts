/**
 * The events a finished command stands for: its real output read with the project's parsers
 * (`tools/parse-*.ts`), in the shapes of `src/sessions/event-schemas.ts`, each with a one-line
 * summary for the learner.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseBuildOutput } from '../../../tools/parse-build-output.ts';
import { parseCoverage } from '../../../tools/parse-coverage.ts';
import { parseEslint } from '../../../tools/parse-eslint.ts';
import { parseNpmAudit } from '../../../tools/parse-npm-audit.ts';
import { parseTestReport } from '../../../tools/parse-test-report.ts';
import { parseTsc } from '../../../tools/parse-tsc.ts';
import type { CommandRun } from './run-command.ts';
import type { ToolPlan } from './tool-plan.ts';

export interface ReportEvent {
  readonly type: 'test-run' | 'typecheck' | 'lint' | 'build' | 'security-scan' | 'coverage';
  readonly data: Record<string, unknown>;
  /** What the report says, in one line (`2 of 5 tests failed: sum > adds`). */
  readonly summary: string;
  /** The raw report the event was read from (part of the event's stable id). */
  readonly raw: string;
}

export interface ReadResult {
  readonly events: ReportEvent[];
  /** Reports the command should have written but did not (a crash before the reporter ran). */
  readonly problems: string[];
}

/** Build output and tsc text are sent whole, up to this size (the event schema's own limit is 5 MB). */
const MAX_TEXT_REPORT = 1_000_000;

/** A report file written by this run (not one left over from an earlier run). */
function freshFile(path: string | undefined, since: number): string | null {
  if (!path || !existsSync(path)) return null;
  if (statSync(path).mtimeMs < since - 1000) return null;
  return readFileSync(path, 'utf8');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function testRunEvent(raw: string): ReportEvent {
  const r = parseTestReport(raw);
  const names = r.failures
    .slice(0, 3)
    .map((f) => f.name)
    .join('; ');
  return {
    type: 'test-run',
    data: {
      failed: r.failed,
      passed: r.passed,
      skipped: r.skipped,
      total: r.total,
      failures: r.failures.map((f) => ({
        name: f.name.slice(0, 2000),
        ...(f.file ? { file: f.file } : {}),
        message: f.message.slice(0, 2000),
      })),
    },
    summary:
      r.failed > 0
        ? `${r.failed} of ${plural(r.total, 'test')} failed: ${names}`
        : `${r.passed} of ${plural(r.total, 'test')} passed`,
    raw,
  };
}

function coverageEvent(raw: string): ReportEvent {
  const c = parseCoverage(raw);
  return {
    type: 'coverage',
    data: { ...c },
    summary: `line coverage ${c.lines}% (statements ${c.statements}%, branches ${c.branches}%, functions ${c.functions}%)`,
    raw,
  };
}

/**
 * Reads the run. Text reports (tsc, build output) are sent as the report itself so the server
 * keeps their error lines; JSON reports are sent as the parser's figures.
 */
export function readReports(plan: ToolPlan, run: CommandRun, startedAt: number): ReadResult {
  const text = `${run.stdout}${run.stdout && run.stderr ? '\n' : ''}${run.stderr}`;
  const events: ReportEvent[] = [];
  const problems: string[] = [];
  const fromFile = (path: string | undefined, what: string, read: (raw: string) => void) => {
    const raw = freshFile(path, startedAt);
    if (raw === null) problems.push(`${what} wrote no report (${path})`);
    else read(raw);
  };
  switch (plan.tool) {
    case 'vitest':
    case 'jest':
      fromFile(plan.reportFile, plan.tool, (raw) => events.push(testRunEvent(raw)));
      if (plan.coverageFile)
        fromFile(plan.coverageFile, 'coverage', (raw) => events.push(coverageEvent(raw)));
      break;
    case 'tsc': {
      const report = text.slice(0, MAX_TEXT_REPORT);
      const s = parseTsc(report || '\n');
      const first = s.errors[0];
      events.push({
        type: 'typecheck',
        data: { report: report || '\n', errorCount: s.errorCount },
        summary:
          s.errorCount === 0
            ? 'no type errors'
            : `${plural(s.errorCount, 'type error')}${first ? `, first ${first.file ? `${first.file}:${first.line} ` : ''}${first.code}: ${first.message}` : ''}`,
        raw: report,
      });
      break;
    }
    case 'eslint':
      fromFile(plan.reportFile, 'eslint', (raw) => {
        const s = parseEslint(raw);
        events.push({
          type: 'lint',
          data: { report: JSON.parse(raw) as unknown[] },
          summary: `${plural(s.errorCount, 'lint error')}, ${plural(s.warningCount, 'warning')}${s.messages
            .slice(0, 5)
            .map((m) => `\n  ${m.file}:${m.line} ${m.ruleId ?? ''} ${m.message}`)
            .join('')}`,
          raw,
        });
      });
      break;
    case 'npm-audit': {
      const s = parseNpmAudit(run.stdout);
      events.push({
        type: 'security-scan',
        data: { counts: s.counts },
        summary: s.clean
          ? 'no known vulnerabilities'
          : `${plural(s.total, 'vulnerability')}: ${Object.entries(s.counts)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${n} ${k}`)
              .join(', ')}`,
        raw: run.stdout,
      });
      break;
    }
    case 'build': {
      const report = text.slice(-MAX_TEXT_REPORT) || '\n';
      const b = parseBuildOutput(report, run.exitCode);
      events.push({
        type: 'build',
        data: { report, exitCode: run.exitCode },
        summary: b.success
          ? 'the command succeeded'
          : `it failed (exit ${run.exitCode})${b.errors[0] ? `: ${b.errors[0]}` : ''}`,
        raw: report,
      });
      break;
    }
  }
  return { events, problems };
}
