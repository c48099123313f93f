import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import {
  invalidReport,
  isObject,
  jsonReportInputSchema,
  objectAt,
  readJsonReport,
} from './reports/report-input.ts';

const label = 'coverage report';
const hint = 'istanbul json-summary: coverage/coverage-summary.json';

const pct = z.number().min(0).max(100);

/** Coverage percentages (0–100) of the whole project, from istanbul's `total` entry. */
export const coverageSummarySchema = z.object({
  lines: pct,
  statements: pct,
  functions: pct,
  branches: pct,
});
export type CoverageSummary = z.infer<typeof coverageSummarySchema>;

const metrics = ['lines', 'statements', 'functions', 'branches'] as const;

/**
 * Reads an istanbul `coverage-summary.json` (the `json-summary` reporter of vitest, jest, nyc and c8).
 * Only `total` is read. Where `pct` is missing it is computed from `covered / total`; a metric with
 * nothing to cover counts as 100 %, as current istanbul reports it (older versions wrote "Unknown").
 * Anything else unreadable is a VALIDATION_ERROR naming the path, e.g. `total.lines.pct`.
 */
export function parseCoverage(report: unknown): CoverageSummary {
  const json = readJsonReport(label, report, hint);
  const root = objectAt(label, json, 'report');
  if (root.total === undefined) {
    const looksDetailed = Object.values(root).some(
      (entry) => isObject(entry) && 'statementMap' in entry,
    );
    throw invalidReport(
      label,
      looksDetailed
        ? 'a json-summary report with a total entry (this is coverage-final.json; enable the json-summary reporter)'
        : `a json-summary report with a total entry (${hint})`,
      'total',
    );
  }
  const total = objectAt(label, root.total, 'total');
  const summary = {} as Record<(typeof metrics)[number], number>;
  for (const metric of metrics) {
    summary[metric] = metricPct(
      objectAt(label, total[metric], `total.${metric}`),
      `total.${metric}`,
    );
  }
  return summary;
}

function metricPct(entry: Record<string, unknown>, field: string): number {
  const { pct, total, covered } = entry;
  if (typeof pct === 'number' && Number.isFinite(pct)) {
    if (pct < 0 || pct > 100)
      throw invalidReport(label, `a percentage between 0 and 100, got ${pct}`, `${field}.pct`);
    return pct;
  }
  const counts =
    typeof total === 'number' &&
    typeof covered === 'number' &&
    total >= 0 &&
    covered >= 0 &&
    covered <= total;
  if (counts && total === 0) return 100;
  if (counts) return Math.round((covered / total) * 10_000) / 100;
  throw invalidReport(label, 'a number (or total and covered counts)', `${field}.pct`);
}

/** Mastra tool: coverage-summary.json → `{ lines, statements, functions, branches }` percentages. */
export const parseCoverageTool = createTool({
  id: 'parse-coverage',
  description:
    'Parse an istanbul coverage-summary.json (json-summary reporter) into the project-wide coverage percentages for lines, statements, functions and branches.',
  inputSchema: jsonReportInputSchema,
  outputSchema: coverageSummarySchema,
  execute: async ({ report }) => parseCoverage(report),
});
