import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import {
  arrayAt,
  countOr,
  invalidReport,
  isObject,
  jsonReportInputSchema,
  objectAt,
  readJsonReport,
  stringOrUndefined,
} from './reports/report-input.ts';

const label = 'eslint report';
const hint = 'run eslint with --format json';

/** Messages kept in the summary by default: enough to act on, small enough for a prompt. */
export const defaultEslintMessageLimit = 20;

export const eslintMessageSchema = z.object({
  /** Null for parser (fatal) errors, which belong to no rule. */
  ruleId: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.number(),
  column: z.number(),
  message: z.string(),
});
export type EslintMessage = z.infer<typeof eslintMessageSchema>;

export const eslintSummarySchema = z.object({
  errorCount: z.number(),
  warningCount: z.number(),
  fixableErrorCount: z.number(),
  fixableWarningCount: z.number(),
  /** Files linted, with or without problems. */
  fileCount: z.number(),
  /** Files with at least one problem. */
  files: z.array(z.object({ file: z.string(), errorCount: z.number(), warningCount: z.number() })),
  /** The first messages, errors before warnings, then by file and line. */
  messages: z.array(eslintMessageSchema),
});
export type EslintSummary = z.infer<typeof eslintSummarySchema>;

/**
 * Reads ESLint's JSON formatter output (an array of per-file results). Counts come from the
 * per-file counters when present, else from the messages. `limit` caps `messages`.
 */
export function parseEslint(report: unknown, limit = defaultEslintMessageLimit): EslintSummary {
  const results = arrayAt(label, readJsonReport(label, report, hint), 'report');
  const summary: EslintSummary = {
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fileCount: results.length,
    files: [],
    messages: [],
  };
  const all: EslintMessage[] = [];
  results.forEach((entry, index) => {
    const result = objectAt(label, entry, `${index}`);
    const file = stringOrUndefined(result.filePath);
    if (!file) throw invalidReport(label, 'a file path', `${index}.filePath`);
    const messages = arrayAt(label, result.messages, `${index}.messages`).map((raw, m) =>
      readMessage(raw, file, `${index}.messages.${m}`),
    );
    const errors = countOr(
      result.errorCount,
      messages.filter((m) => m.severity === 'error').length,
    );
    const warnings = countOr(
      result.warningCount,
      messages.filter((m) => m.severity === 'warning').length,
    );
    summary.errorCount += errors;
    summary.warningCount += warnings;
    summary.fixableErrorCount += countOr(result.fixableErrorCount, 0);
    summary.fixableWarningCount += countOr(result.fixableWarningCount, 0);
    if (errors + warnings > 0)
      summary.files.push({ file, errorCount: errors, warningCount: warnings });
    all.push(...messages);
  });
  const rank = (m: EslintMessage) => (m.severity === 'error' ? 0 : 1);
  // Stable sort keeps the report's file order, which is the order the user ran them in.
  summary.messages = all.sort((a, b) => rank(a) - rank(b)).slice(0, Math.max(0, limit));
  return summary;
}

function readMessage(raw: unknown, file: string, field: string): EslintMessage {
  if (!isObject(raw)) throw invalidReport(label, 'a message object', field);
  const { severity, message } = raw;
  if (severity !== 1 && severity !== 2)
    throw invalidReport(label, 'severity 1 or 2', `${field}.severity`);
  if (typeof message !== 'string') throw invalidReport(label, 'a message text', `${field}.message`);
  return {
    ruleId: stringOrUndefined(raw.ruleId) ?? null,
    severity: severity === 2 ? 'error' : 'warning',
    file,
    line: countOr(raw.line, 0),
    column: countOr(raw.column, 0),
    message,
  };
}

/** Mastra tool: ESLint JSON output → error and warning counts plus the first messages. */
export const parseEslintTool = createTool({
  id: 'parse-eslint',
  description:
    'Parse ESLint JSON formatter output (eslint --format json) into error/warning counts, fixable counts, the files with problems and the first messages (rule, file, line).',
  inputSchema: jsonReportInputSchema.extend({
    limit: z
      .number()
      .int()
      .min(0)
      .max(200)
      .optional()
      .describe('How many messages to return (default 20)'),
  }),
  outputSchema: eslintSummarySchema,
  execute: async ({ report, limit }) => parseEslint(report, limit),
});
