import type { BuildResult } from '../../tools/parse-build-output.ts';
import type { CoverageSummary } from '../../tools/parse-coverage.ts';
import type { EslintSummary } from '../../tools/parse-eslint.ts';
import type { NpmAuditSummary } from '../../tools/parse-npm-audit.ts';
import type { TestReport } from '../../tools/parse-test-report.ts';
import type { TscSummary } from '../../tools/parse-tsc.ts';
import type { StoryEvent } from '../domain/machines/story-events.ts';
import { storyPolicies, type StoryQualityGatePolicy } from '../domain/machines/story-policies.ts';

/**
 * Seed 001 "Quality Gates" (QUALITY_GATE_CHECK): coverage ≥ 90 %, no lint errors, no type errors,
 * build succeeds, security scan clean — thresholds from `storyPolicies.qualityGates`. A gate whose
 * report is missing is pending: neither passed nor failed. Each failed gate has a severity, and the
 * worst one picks the story-machine event (`minorIssues` → AUTO_FIX_ISSUES, `majorIssues` →
 * REQUIRE_FIXES, `criticalIssues` → BLOCK_PROGRESS). The gates judge only once every required
 * report is in, or once the wait for them ended (`reportWaitMs`): reports arrive one by one, and the
 * first one alone must not decide the outcome.
 */
export type GateName = 'coverage' | 'lint' | 'typecheck' | 'build' | 'security' | 'tests';
export type GateStatus = 'passed' | 'failed' | 'pending';
/** minor = fixable automatically (eslint --fix, npm audit fix); major = the learner must fix it; critical = blocks everything. */
export type IssueSeverity = 'minor' | 'major' | 'critical';
export type QualityGateEvent = Extract<
  StoryEvent,
  'allPass' | 'minorIssues' | 'majorIssues' | 'criticalIssues'
>;

/** Parsed reports, as the `tools/parse-*.ts` parsers return them; leave out what has not run yet. */
export interface QualityReports {
  readonly coverage?: CoverageSummary | null;
  readonly lint?: EslintSummary | null;
  readonly typecheck?: TscSummary | null;
  readonly build?: BuildResult | null;
  readonly security?: NpmAuditSummary | null;
  /** Optional extra gate (not in seed 001): evaluated only when a test report is given. */
  readonly tests?: TestReport | null;
}

export interface GateResult {
  readonly gate: GateName;
  readonly status: GateStatus;
  readonly passed: boolean;
  /** The measured value: a percentage, a count, or whether the build succeeded; null while pending. */
  readonly actual: number | boolean | null;
  /** The policy's bound: the minimum coverage, the maximum count, or `true` for must-succeed gates. */
  readonly expected: number | boolean;
  readonly reason: string;
  /** Only on failed gates. */
  readonly severity?: IssueSeverity;
}

export interface QualityGateResult {
  /** Every gate passed. */
  readonly passed: boolean;
  /** The gates still waiting for a report. */
  readonly pending: readonly GateName[];
  readonly gates: readonly GateResult[];
  /**
   * The event for QUALITY_GATE_CHECK: `allPass`, or the worst failed gate's severity. Null while
   * gates are pending and none has failed (run the missing checks first).
   */
  readonly event: QualityGateEvent | null;
}

/** The gate each report event feeds (`test-run` → tests, `security-scan` → security, …). */
export const gateOfReport = {
  'test-run': 'tests',
  build: 'build',
  lint: 'lint',
  typecheck: 'typecheck',
  coverage: 'coverage',
  'security-scan': 'security',
} as const satisfies Record<string, GateName>;

/**
 * How long the gates wait for the missing reports (unscaled; × TIME_SCALE) before judging without
 * them: the seed's 15 minutes for a simple step. Each report that arrives restarts the wait.
 */
export const reportWaitMs = 15 * 60_000;

export interface GateEvaluationOptions {
  /** The wait for the missing reports ended: a report still missing fails its gate (major). */
  readonly waitEnded?: boolean;
}

const severityEvent = {
  minor: 'minorIssues',
  major: 'majorIssues',
  critical: 'criticalIssues',
} as const;
const severityRank: Record<IssueSeverity, number> = { minor: 0, major: 1, critical: 2 };

/** Evaluates the quality gates over whatever reports exist. */
export function evaluateQualityGates(
  reports: QualityReports,
  policy: StoryQualityGatePolicy = storyPolicies.qualityGates,
  options: GateEvaluationOptions = {},
): QualityGateResult {
  const measured: GateResult[] = [
    coverageGate(reports.coverage, policy),
    lintGate(reports.lint, policy),
    typecheckGate(reports.typecheck, policy),
  ];
  if (policy.buildMustSucceed) measured.push(buildGate(reports.build));
  if (policy.securityScanClean) measured.push(securityGate(reports.security));
  if (reports.tests) measured.push(testsGate(reports.tests));
  const gates = options.waitEnded ? measured.map(missingFails) : measured;

  const pending = gates.filter((g) => g.status === 'pending').map((g) => g.gate);
  const worst = gates
    .map((g) => g.severity)
    .filter((s): s is IssueSeverity => s !== undefined)
    .sort((a, b) => severityRank[b] - severityRank[a])[0];
  const passed = gates.every((g) => g.passed);
  // Nothing is decided while a required report is missing.
  const event: QualityGateEvent | null =
    pending.length > 0 ? null : worst ? severityEvent[worst] : passed ? 'allPass' : null;
  return { passed, pending, gates, event };
}

/** After the wait: a gate whose report never came fails; the learner must send it. */
function missingFails(gate: GateResult): GateResult {
  if (gate.status !== 'pending') return gate;
  return {
    ...gate,
    status: 'failed',
    reason: `${gate.reason}: the gates stopped waiting for it`,
    severity: 'major',
  };
}

function pendingGate(gate: GateName, expected: number | boolean, report: string): GateResult {
  return {
    gate,
    status: 'pending',
    passed: false,
    actual: null,
    expected,
    reason: `no ${report} yet`,
  };
}

function gateResult(
  gate: GateName,
  ok: boolean,
  actual: number | boolean,
  expected: number | boolean,
  reason: string,
  severity: IssueSeverity,
): GateResult {
  return ok
    ? { gate, status: 'passed', passed: true, actual, expected, reason }
    : { gate, status: 'failed', passed: false, actual, expected, reason, severity };
}

function coverageGate(
  report: CoverageSummary | null | undefined,
  policy: StoryQualityGatePolicy,
): GateResult {
  const min = policy.minCoveragePct;
  if (!report) return pendingGate('coverage', min, 'coverage report');
  // Line coverage is the figure "test coverage" conventionally means; the others are in the report.
  const ok = report.lines >= min;
  return gateResult(
    'coverage',
    ok,
    report.lines,
    min,
    `line coverage ${report.lines}% ${ok ? '≥' : '<'} ${min}%`,
    'major',
  );
}

function lintGate(
  report: EslintSummary | null | undefined,
  policy: StoryQualityGatePolicy,
): GateResult {
  const max = policy.maxLintErrors;
  if (!report) return pendingGate('lint', max, 'lint report');
  const ok = report.errorCount <= max;
  const allFixable = report.fixableErrorCount >= report.errorCount;
  const reason = ok
    ? `${report.errorCount} lint errors (at most ${max})`
    : `${report.errorCount} lint errors (at most ${max})${allFixable ? ', all fixable with eslint --fix' : ''}`;
  return gateResult('lint', ok, report.errorCount, max, reason, allFixable ? 'minor' : 'major');
}

function typecheckGate(
  report: TscSummary | null | undefined,
  policy: StoryQualityGatePolicy,
): GateResult {
  const max = policy.maxTypeErrors;
  if (!report) return pendingGate('typecheck', max, 'type-check report');
  const ok = report.errorCount <= max;
  return gateResult(
    'typecheck',
    ok,
    report.errorCount,
    max,
    `${report.errorCount} type errors (at most ${max})`,
    'major',
  );
}

function buildGate(report: BuildResult | null | undefined): GateResult {
  if (!report) return pendingGate('build', true, 'build result');
  const reason = report.success
    ? 'the build succeeded'
    : `the build failed: ${report.errors[0] ?? 'no error output'}`;
  return gateResult('build', report.success, report.success, true, reason, 'critical');
}

function securityGate(report: NpmAuditSummary | null | undefined): GateResult {
  if (!report) return pendingGate('security', true, 'security scan');
  const { counts } = report;
  const severity: IssueSeverity =
    counts.critical + counts.high > 0 ? 'critical' : counts.moderate > 0 ? 'major' : 'minor';
  const found = (['critical', 'high', 'moderate', 'low', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
  const reason = report.clean ? 'no known vulnerabilities' : `vulnerabilities: ${found}`;
  return gateResult('security', report.clean, report.clean, true, reason, severity);
}

function testsGate(report: TestReport): GateResult {
  const ok = report.failed === 0;
  const reason = ok
    ? `${report.passed} of ${report.total} tests passed`
    : `${report.failed} of ${report.total} tests failed`;
  return gateResult('tests', ok, report.failed, 0, reason, 'major');
}
