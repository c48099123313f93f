import type { z } from 'zod';
import { AppError } from './app-error.ts';

/** Dotted path of the first issue (`data.items.0.name`), or undefined for a root-level issue. */
export function issuePath(issue: z.core.$ZodIssue): string | undefined {
  return issue.path.length ? issue.path.map(String).join('.') : undefined;
}

/**
 * Parse `value` with `schema`, or throw a VALIDATION_ERROR naming the first failing field.
 * `prefix` names where the value came from (`body`, `query`, `data`) so the field is unambiguous.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issuePath(issue);
  const field = [prefix, path].filter(Boolean).join('.') || undefined;
  throw new AppError('VALIDATION_ERROR', field ? `${field}: ${issue.message}` : issue.message, {
    field,
    details: { issues: result.error.issues.map((i) => ({ field: [prefix, issuePath(i)].filter(Boolean).join('.') || undefined, message: i.message })) },
  });
}
