import { isAppError } from '../errors/app-error.ts';

/** Progress and status lines go to stderr so stdout stays clean for data (diagrams, JSON). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Print an error as one line (`mentorflow: …`) and set a non-zero exit code. Internals only with DEBUG. */
export function fail(error: unknown, exitCode = 1): void {
  const message =
    isAppError(error) || process.env.DEBUG
      ? (error as Error).message
      : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
  say(`mentorflow: ${message}`);
  if (process.env.DEBUG && error instanceof Error && error.stack) say(error.stack);
  process.exitCode = exitCode;
}

/** A URL with its password replaced, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
