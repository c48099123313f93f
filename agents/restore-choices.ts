import type { z } from 'zod';

/**
 * The guarded output with its choice fields put back: the leak guard empties a refused answer's
 * longer strings, and an enum value such as `verdict: "partialUnderstanding"` is one of them, which
 * turned a refused answer into a schema failure (the learner's event failed instead of getting the
 * refusal). A choice is the schema's own vocabulary, not the model's text, so the original value
 * goes back wherever the guarded one is no longer a valid option.
 */
export function restoreChoices<T>(guarded: T, original: T, schema: z.ZodType): T {
  const result = schema.safeParse(guarded);
  if (result.success) return guarded;
  let restored = guarded;
  for (const issue of result.error.issues) {
    if (issue.code !== 'invalid_value' || issue.path.length === 0) continue;
    restored = setAt(restored, issue.path, getAt(original, issue.path));
  }
  return restored;
}

type Key = PropertyKey;

function getAt(value: unknown, path: readonly Key[]): unknown {
  let at = value;
  for (const key of path) at = (at as Record<Key, unknown> | undefined)?.[key];
  return at;
}

function setAt<T>(value: T, path: readonly Key[], next: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return next as T;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    Key,
    unknown
  >;
  copy[key] = setAt(copy[key], rest, next);
  return copy as T;
}
