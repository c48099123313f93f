import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import {
  countAt,
  invalidReport,
  isObject,
  jsonReportInputSchema,
  objectAt,
  readJsonReport,
  stringOrUndefined,
} from './reports/report-input.ts';

const label = 'npm audit report';
const hint = 'npm audit --json';

/** npm's severities, least severe first. */
export const severities = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;

export const npmAuditSummarySchema = z.object({
  counts: z.object({
    info: z.number(),
    low: z.number(),
    moderate: z.number(),
    high: z.number(),
    critical: z.number(),
  }),
  total: z.number(),
  /** No vulnerability of any severity. */
  clean: z.boolean(),
  /** Vulnerable packages, most severe first. */
  packages: z.array(z.object({ name: z.string(), severity: severitySchema })),
});
export type NpmAuditSummary = z.infer<typeof npmAuditSummarySchema>;

/**
 * Reads `npm audit --json`: the npm 7+ format (`vulnerabilities{}` keyed by package plus
 * `metadata.vulnerabilities` counts) and the npm 6 format (`advisories{}`). Counts come from
 * `metadata.vulnerabilities` when present, else from the entries. npm's own error object
 * (`{ error: { code: 'ENOLOCK', … } }`) is a VALIDATION_ERROR carrying npm's summary.
 */
export function parseNpmAudit(report: unknown): NpmAuditSummary {
  const root = objectAt(label, readJsonReport(label, report, hint), 'report');
  if (isObject(root.error)) {
    const code = stringOrUndefined(root.error.code) ?? 'error';
    const summary = stringOrUndefined(root.error.summary) ?? 'no summary';
    throw invalidReport(label, `an audit result, but npm reported ${code}: ${summary}`);
  }
  const entries = isObject(root.vulnerabilities)
    ? readEntries(
        root.vulnerabilities,
        'vulnerabilities',
        (key, entry) => stringOrUndefined(entry.name) ?? key,
      )
    : isObject(root.advisories)
      ? readEntries(
          root.advisories,
          'advisories',
          (key, entry) => stringOrUndefined(entry.module_name) ?? key,
        )
      : undefined;
  const metadata = isObject(root.metadata) ? root.metadata : undefined;
  if (!entries && !isObject(metadata?.vulnerabilities)) {
    throw invalidReport(label, `vulnerabilities{} or advisories{} (${hint})`, 'vulnerabilities');
  }

  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  if (isObject(metadata?.vulnerabilities)) {
    const declared = metadata.vulnerabilities;
    for (const severity of severities) {
      counts[severity] =
        declared[severity] === undefined
          ? 0
          : countAt(label, declared[severity], `metadata.vulnerabilities.${severity}`);
    }
  } else {
    for (const entry of entries ?? []) counts[entry.severity] += 1;
  }
  const total = severities.reduce((sum, severity) => sum + counts[severity], 0);
  const rank = (s: Severity) => severities.indexOf(s);
  const packages = [
    ...new Map((entries ?? []).map((e) => [`${e.name}:${e.severity}`, e])).values(),
  ].sort((a, b) => rank(b.severity) - rank(a.severity) || a.name.localeCompare(b.name));
  return { counts, total, clean: total === 0, packages };
}

function readEntries(
  map: Record<string, unknown>,
  field: string,
  nameOf: (key: string, entry: Record<string, unknown>) => string,
): { name: string; severity: Severity }[] {
  return Object.entries(map).map(([key, raw]) => {
    const entry = objectAt(label, raw, `${field}.${key}`);
    const severity = severitySchema.safeParse(entry.severity);
    if (!severity.success) {
      throw invalidReport(label, `one of ${severities.join(', ')}`, `${field}.${key}.severity`);
    }
    return { name: nameOf(key, entry), severity: severity.data };
  });
}

/** Mastra tool: `npm audit --json` → vulnerability counts by severity and whether the scan is clean. */
export const parseNpmAuditTool = createTool({
  id: 'parse-npm-audit',
  description:
    'Parse npm audit --json output (npm 7+ or npm 6 format) into vulnerability counts by severity (info, low, moderate, high, critical), the total, whether the scan is clean, and the vulnerable packages.',
  inputSchema: jsonReportInputSchema,
  outputSchema: npmAuditSummarySchema,
  execute: async ({ report }) => parseNpmAudit(report),
});
