import type { z } from 'zod';
import { AppError } from './app-error.ts';

type Issue = z.core.$ZodIssue;

/** Dotted path of an issue (`data.items.0.name`), or undefined for a root-level issue. */
export function issuePath(issue: Issue): string | undefined {
  return issue.path.length ? issue.path.map(String).join('.') : undefined;
}

const isRootTypeMismatch = (issues: readonly Issue[]) =>
  issues.length > 0 && issues.every((i) => i.code === 'invalid_type' && i.path.length === 0);

/**
 * The issue a client can act on. zod reports a failed union as "Invalid input" at the union's path;
 * when the value has the type of one branch (a story sent as an object), that branch's own first issue
 * names the real field (`story.title`).
 */
function explain(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors))
    return { path: issue.path, message: issue.message };
  const branches = issue.errors as Issue[][];
  const matching = branches.find((b) => !isRootTypeMismatch(b));
  if (matching?.[0]) {
    const inner = explain(matching[0]);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  const expected = [
    ...new Set(
      branches
        .flatMap((b) => b.map((i) => (i as { expected?: string }).expected ?? ''))
        .filter(Boolean),
    ),
  ];
  return {
    path: issue.path,
    message: expected.length ? `Invalid input: expected ${expected.join(' or ')}` : issue.message,
  };
}

export interface FieldNaming {
  /** Prepended to every field (`path`, `query`, `data`) so the field is unambiguous. */
  prefix?: string;
  /** Name of the field when the value as a whole is at fault (`body`). */
  root?: string;
}

/**
 * Parse `value` with `schema`, or throw a VALIDATION_ERROR naming the first failing field by its
 * dotted path (`story.title`, `data.failed`), with every issue in `details.issues`. A string third
 * argument is the prefix.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  naming: string | FieldNaming = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { prefix, root } =
    typeof naming === 'string' ? { prefix: naming, root: undefined } : naming;
  const issues = result.error.issues.map((issue) => {
    const { path, message } = explain(issue);
    const field =
      [prefix, path.length ? path.map(String).join('.') : undefined].filter(Boolean).join('.') ||
      root;
    return { field, message };
  });
  const first = issues[0]!;
  throw new AppError(
    'VALIDATION_ERROR',
    first.field ? `${first.field}: ${first.message}` : first.message,
    { field: first.field, details: { issues } },
  );
}
