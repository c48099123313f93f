import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { buildErrorSignature } from './reports/build-signature.ts';
import {
  describeValue,
  invalidReport,
  stripAnsi,
  textReportInputSchema,
} from './reports/report-input.ts';

export { buildErrorSignature };

const label = 'build output';

/** Error lines kept in a build result: the first ones matter, the rest are usually consequences. */
export const maxBuildErrors = 50;

export const buildResultSchema = z.object({
  success: z.boolean(),
  /** Error lines in output order (trimmed, colours removed). */
  errors: z.array(z.string()),
  /**
   * The first error normalised (line numbers, counts, hashes and case removed) so the same build
   * error compares equal across runs; null when the build succeeded.
   */
  signature: z.string().nullable(),
});
export type BuildResult = z.infer<typeof buildResultSchema>;

// Lines that carry an error in common toolchains (tsc, esbuild, webpack, rollup, gcc/clang, rustc,
// node stack traces, generic loggers).
const errorPatterns = [
  /\berror TS\d+:/,
  /^✘ \[ERROR\]/,
  /^ERROR\b/,
  /^error(?:\[[\w-]+\])?:/i,
  /^\[!\] /,
  /:\d+(?::\d+)?: (?:fatal )?error\b/i,
  /^(?:[A-Z]\w*)?Error\b:/,
  /^Module not found\b/,
  /\b(?:Cannot|Could not) (?:find|resolve) module\b/,
];
// Headers that announce an error without describing it; the next line describes it.
const headerPatterns = [
  /^error during build:?$/i,
  /^Build failed with \d+ errors?:?$/i,
  /^Failed to compile\.?$/i,
];
// Summaries that mention errors but are not one ("0 errors", "compiled with 1 error in 87 ms").
const summaryPatterns = [
  /\b0 errors?\b/i,
  /^\d+ errors?( and \d+ warnings?)?\.?$/i,
  /^Found \d+ errors?\b/,
  /compiled with \d+ errors?/i,
];
// npm's lifecycle wrapper lines: used only when nothing better was found.
const wrapperPattern = /^npm (?:ERR!|error)\b/;

/**
 * Reads generic build output. With `exitCode` the exit code decides success (0 = success);
 * without it the build failed when an error line was found. A failed build with no recognisable
 * error line reports its last output line, so it still has a signature.
 */
export function parseBuildOutput(report: unknown, exitCode?: number): BuildResult {
  if (typeof report !== 'string') throw invalidReport(label, `text, got ${describeValue(report)}`);
  const lines = stripAnsi(report)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const found: string[] = [];
  const wrappers: string[] = [];
  let afterHeader = false;
  for (const line of lines) {
    if (!line) continue;
    if (headerPatterns.some((p) => p.test(line))) {
      afterHeader = true;
      continue;
    }
    if (summaryPatterns.some((p) => p.test(line))) continue;
    if (wrapperPattern.test(line)) wrappers.push(line);
    else if (afterHeader || errorPatterns.some((p) => p.test(line))) {
      if (found.at(-1) !== line) found.push(line.length > 500 ? `${line.slice(0, 499)}…` : line);
    }
    afterHeader = false;
  }

  const success =
    exitCode === undefined ? found.length === 0 && wrappers.length === 0 : exitCode === 0;
  if (success) return { success, errors: [], signature: null };
  const lastLine = lines.filter(Boolean).at(-1);
  const errors = (
    found.length ? found : wrappers.length ? wrappers : lastLine ? [lastLine] : []
  ).slice(0, maxBuildErrors);
  const signature = errors[0] ? buildErrorSignature(errors[0]) : `exit code ${exitCode}`;
  return { success, errors, signature };
}

/** Mastra tool: build output (+ exit code) → success, error lines and a normalised error signature. */
export const parseBuildOutputTool = createTool({
  id: 'parse-build-output',
  description:
    'Parse the output of a build command (tsc, vite, esbuild, webpack, rollup, compilers) into success, the error lines, and a normalised signature of the first error for spotting the same error repeating.',
  inputSchema: textReportInputSchema.extend({
    exitCode: z
      .number()
      .int()
      .optional()
      .describe('The build command exit code, when known (0 = success)'),
  }),
  outputSchema: buildResultSchema,
  execute: async ({ report, exitCode }) => parseBuildOutput(report, exitCode),
});
