import { stripAnsi } from './report-input.ts';

/**
 * Normalises an error line for "same build error" detection: drops line/column numbers (they move
 * as the learner edits code above), other numbers, long hex hashes, case and extra whitespace.
 * Error codes such as TS2322 are kept (their digits are part of a word).
 */
export function buildErrorSignature(line: string): string {
  return stripAnsi(line)
    .replace(/\(\d+,\d+\)/g, '')
    .replace(/:\d+(?::\d+)?\b/g, '')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, 'H')
    .replace(/\b\d+(?:\.\d+)?\b/g, 'N')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
