import type { BreakerRow } from './breaker.ts';
import type { Queryable } from './types.ts';

/**
 * May a call through breaker `key` go ahead? Closed: yes. Open and cooled down: one caller moves it
 * to half-open and goes (the trial); everyone else is refused until the trial settles it.
 */
export async function acquireBreaker(
  db: Queryable,
  key: string,
): Promise<{ allowed: boolean; row: BreakerRow | undefined }> {
  const { rows } = await db.query<BreakerRow>(
    'select key, state, failures, open_until from workflow_circuit_breakers where key = $1',
    [key],
  );
  const row = rows[0];
  if (!row || row.state === 'closed') return { allowed: true, row };
  if (row.state === 'open') {
    const trial = await db.query<BreakerRow>(
      `update workflow_circuit_breakers set state = 'half_open', updated_at = now()
        where key = $1 and state = 'open' and open_until <= now()
        returning key, state, failures, open_until`,
      [key],
    );
    return { allowed: trial.rowCount === 1, row: trial.rows[0] ?? row };
  }
  return { allowed: false, row };
}
