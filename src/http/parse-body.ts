import type { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

type Issue = z.core.$ZodIssue;

const isRootTypeMismatch = (issues: readonly Issue[]) => issues.length > 0 && issues.every((i) => i.code === 'invalid_type' && i.path.length === 0);

/**
 * The issue a client can act on. zod reports a failed union as "Invalid input" at the union's path;
 * when the value has the type of one branch (a story sent as an object), that branch's own first issue
 * names the real field (`story.title`).
 */
function explain(issue: Issue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors)) return { path: issue.path, message: issue.message };
  const branches = issue.errors as Issue[][];
  const matching = branches.find((b) => !isRootTypeMismatch(b));
  if (matching?.[0]) {
    const inner = explain(matching[0]);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  const expected = [...new Set(branches.flatMap((b) => b.map((i) => (i as { expected?: string }).expected ?? '')).filter(Boolean))];
  return { path: issue.path, message: expected.length ? `Invalid input: expected ${expected.join(' or ')}` : issue.message };
}

/**
 * Parse a JSON request body or throw VALIDATION_ERROR naming the field by its path in the body
 * (`story.title`, `requirements.0`) — the way Mastra's standard routes and the services behind our
 * routes name fields, so one request never reports the same field under two names. A body that is
 * not an object at all is the field `body`.
 */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const { path, message } = explain(issue);
    return { field: path.length ? path.map(String).join('.') : 'body', message };
  });
  const first = issues[0]!;
  throw new AppError('VALIDATION_ERROR', `${first.field}: ${first.message}`, { field: first.field, details: { issues } });
}
