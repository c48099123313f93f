import { z } from 'zod';
import { AppError } from '../../src/errors/app-error.ts';

/**
 * Shared input handling for the report parsers: every parser accepts the raw text a tool wrote (or,
 * for JSON reports, the already parsed value) and turns anything it cannot read into one
 * VALIDATION_ERROR naming where in the report the problem is, so no TypeError ever escapes.
 */

export type JsonObject = Record<string, unknown>;

/** Tool input for JSON reports: the report file's text, or the JSON value itself. */
export const jsonReportInputSchema = z.object({
  report: z
    .union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())])
    .describe('The report: the file contents as text, or the already parsed JSON value'),
});

/** Tool input for text reports (compiler and build output). */
export const textReportInputSchema = z.object({
  report: z.string().describe('The command output as text (stdout and stderr)'),
});

/**
 * The error every parser throws for input it cannot read:
 * `coverage report: expected a number at total.lines.pct`.
 * `field` is the dotted path inside the report; `report` when the whole input is at fault.
 */
export function invalidReport(
  label: string,
  expected: string,
  field = 'report',
  cause?: unknown,
): AppError {
  const where = field === 'report' ? '' : ` at ${field}`;
  return new AppError('VALIDATION_ERROR', `${label}: expected ${expected}${where}`, {
    field,
    cause,
  });
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, single-line preview of unreadable input for error messages. */
export function preview(text: string): string {
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

/**
 * Parses JSON report text (a parsed value passes through). Tolerates a UTF-8 BOM and log lines
 * before the JSON (`npm warn …` when stderr was merged into stdout). `hint` tells the user how to
 * produce the right format.
 */
export function readJsonReport(label: string, report: unknown, hint: string): unknown {
  if (typeof report !== 'string') return report;
  const text = report.replace(/^\uFEFF/, '').trim();
  if (!text) throw invalidReport(label, `JSON (${hint}), got empty input`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const start = text.search(/^[{[]/m);
    if (start > 0) {
      try {
        return JSON.parse(text.slice(start));
      } catch {
        // fall through to the error about the whole input
      }
    }
    throw invalidReport(label, `JSON (${hint}), got "${preview(text)}"`, 'report', error);
  }
}

/** The object at `field`, or a VALIDATION_ERROR. */
export function objectAt(label: string, value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw invalidReport(label, `an object, got ${describeValue(value)}`, field);
  return value;
}

/** The array at `field`, or a VALIDATION_ERROR. */
export function arrayAt(label: string, value: unknown, field: string): unknown[] {
  if (!Array.isArray(value))
    throw invalidReport(label, `an array, got ${describeValue(value)}`, field);
  return value;
}

/** A finite, non-negative number at `field`, or a VALIDATION_ERROR. */
export function countAt(label: string, value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidReport(label, `a non-negative number, got ${describeValue(value)}`, field);
  }
  return value;
}

/** The value when it is a finite non-negative number, else `fallback` (for optional counters). */
export function countOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The value when it is a non-empty string, else undefined. */
export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Names a value's kind for error messages (`a string "abc"`, `null`, `an array`). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string "${preview(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}

/** Removes ANSI colour and cursor codes (pretty compiler and bundler output). */
export function stripAnsi(text: string): string {
  // An OSC sequence ends at BEL; it never spans another ESC, which keeps the scan from each
  // unterminated `ESC ]` to the next ESC (a run of them would otherwise be quadratic).
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*\u0007/g, '');
}

/** Shortens a message to its first line, at most `max` characters. */
export function firstLine(text: string, max = 300): string {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
