import type { BreakerRow } from './breaker.ts';
import type { Queryable } from './types.ts';

/**
 * Settle a call through breaker `key`: a success closes it; a failure counts, and opens it for
 * `cooldownMs` at `threshold` failures in a row (a failed half-open trial reopens it at once).
 */
export async function recordBreaker(
  db: Queryable,
  key: string,
  ok: boolean,
  options: { threshold: number; cooldownMs: number },
): Promise<BreakerRow> {
  const { rows } = await db.query<BreakerRow>(
    ok
      ? `insert into workflow_circuit_breakers (key, state, failures) values ($1, 'closed', 0)
         on conflict (key) do update set state = 'closed', failures = 0, open_until = null, updated_at = now()
         returning key, state, failures, open_until`
      : `insert into workflow_circuit_breakers as b (key, state, failures, opened_at, open_until)
         values ($1, case when $2 <= 1 then 'open' else 'closed' end, 1,
                 case when $2 <= 1 then now() end,
                 case when $2 <= 1 then now() + $3 * interval '1 millisecond' end)
         on conflict (key) do update set
           failures = b.failures + 1,
           state = case when b.state = 'half_open' or b.failures + 1 >= $2 then 'open' else b.state end,
           opened_at = case when b.state = 'half_open' or b.failures + 1 >= $2 then now() else b.opened_at end,
           open_until = case when b.state = 'half_open' or b.failures + 1 >= $2
                             then now() + $3 * interval '1 millisecond' else b.open_until end,
           updated_at = now()
         returning key, state, failures, open_until`,
    ok ? [key] : [key, options.threshold, options.cooldownMs],
  );
  return rows[0]!;
}
