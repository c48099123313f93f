import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import {
  describeValue,
  invalidReport,
  stripAnsi,
  textReportInputSchema,
} from './reports/report-input.ts';

const label = 'tsc output';

export const tscErrorSchema = z.object({
  /** Null for errors about the configuration or the command line (`error TS5023: …`). */
  file: z.string().nullable(),
  line: z.number().nullable(),
  col: z.number().nullable(),
  /** `TS2322`. */
  code: z.string(),
  /** The message, with its elaboration lines (indented in tsc's output) joined by newlines. */
  message: z.string(),
});
export type TscError = z.infer<typeof tscErrorSchema>;

export const tscSummarySchema = z.object({
  errorCount: z.number(),
  errors: z.array(tscErrorSchema),
});
export type TscSummary = z.infer<typeof tscSummarySchema>;

// `src/a.ts(3,5): error TS2322: msg` (--pretty false, and tsc's default when piped).
const plainPattern = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
// `src/a.ts:3:5 - error TS2322: msg` (--pretty, colours removed).
const prettyPattern = /^(.+?):(\d+):(\d+) - error (TS\d+): (.*)$/;
const lineBreakInside = /[\u2028\u2029]/;
// `error TS5023: Unknown compiler option '--foo'.`
const globalPattern = /^error (TS\d+): (.*)$/;
// `Found 3 errors in 2 files.` / `Found 1 error.` / `Found 2 errors in the same file, starting at: …`
const foundPattern = /^Found (\d+) errors?\b/;

/**
 * Reads `tsc --noEmit` output in either format (plain or pretty, with or without colours).
 * Lines that are not diagnostics (npm script banners, code frames, the summary table) are ignored.
 * `errorCount` is the larger of tsc's own "Found N errors" figure and the number of errors read
 * (output cut short still reports the true count).
 */
export function parseTsc(report: unknown): TscSummary {
  if (typeof report !== 'string') throw invalidReport(label, `text, got ${describeValue(report)}`);
  const lines = stripAnsi(report).replace(/\r\n?/g, '\n').split('\n');
  const errors: TscError[] = [];
  let found: number | undefined;
  let current: TscError | undefined;

  for (const raw of lines) {
    const line = raw.trimEnd();
    // `.` stops at U+2028/2029, so no diagnostic spans one; testing first keeps `(.+?)…(.*)$` from
    // retrying every "(1,1): error TS1: " of such a line (quadratic).
    const located = lineBreakInside.test(line)
      ? null
      : (plainPattern.exec(line) ?? prettyPattern.exec(line));
    const global = located ? null : globalPattern.exec(line);
    if (located) {
      const [, file, row, col, code, message] = located;
      current = {
        file: file!.trim(),
        line: Number(row),
        col: Number(col),
        code: code!,
        message: message!,
      };
      errors.push(current);
    } else if (global) {
      current = { file: null, line: null, col: null, code: global[1]!, message: global[2]! };
      errors.push(current);
    } else if (current && /^\s+\S/.test(line)) {
      // Elaboration of the message chain: indented lines right after the diagnostic.
      current.message += `\n${line.trim()}`;
    } else {
      current = undefined;
      const summary = foundPattern.exec(line.trim());
      if (summary) found = Number(summary[1]);
    }
  }
  return { errorCount: Math.max(found ?? 0, errors.length), errors };
}

/** Mastra tool: `tsc --noEmit` output → error count and errors (file, line, col, code, message). */
export const parseTscTool = createTool({
  id: 'parse-tsc',
  description:
    'Parse TypeScript compiler output (tsc --noEmit, plain or pretty format) into the error count and the errors with file, line, column, TS code and message.',
  inputSchema: textReportInputSchema,
  outputSchema: tscSummarySchema,
  execute: async ({ report }) => parseTsc(report),
});
