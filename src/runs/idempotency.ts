import { AppError } from '../errors/app-error.ts';

/**
 * JSON with object keys sorted at every level, so two equal values always give the same text.
 * A stored `jsonb` input comes back with its keys reordered (Postgres sorts them), and a client may
 * send keys in any order; neither makes a request different.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * Whether a start repeats the request that first used its Idempotency-Key. Both sides are the
 * parsed input (trimmed, defaults applied), so a retry that differs only in layout, key order or
 * surrounding whitespace is the same request.
 */
export function isSameRequest(first: unknown, again: unknown): boolean {
  return canonicalJson(first) === canonicalJson(again);
}

/**
 * The answer to a key re-used with another body. Returning the first run would tell the client
 * its second request was carried out when it was not (the IETF Idempotency-Key draft answers 422).
 * `field` names the key as the client sent it (`idempotency-key`, the header). The first run's id
 * is not named: the client that owns the key already has it.
 */
export function keyReusedError(field: string): AppError {
  return new AppError(
    'UNPROCESSABLE',
    `${field}: this key was already used with a different body; ` +
      'send the same body to get its run, or use a new key',
    { field },
  );
}
