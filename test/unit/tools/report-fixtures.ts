import { readFileSync } from 'node:fs';
import { AppError } from '../../../src/errors/app-error.ts';

const dir = new URL('../../fixtures/reports/', import.meta.url);

/** A report fixture's text (`test/fixtures/reports/<name>`). */
export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

/** A fixture parsed as JSON. */
export function jsonFixture(name: string): unknown {
  return JSON.parse(fixture(name));
}

/** Runs `fn`, which must throw an AppError, and returns it (any other outcome fails the test). */
export function reportError(fn: () => unknown): AppError {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected an AppError, got a result: ${JSON.stringify(result)}`);
}
