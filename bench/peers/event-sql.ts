import type pg from 'pg';

/**
 * One session event's SQL, the same statements as `one-event.sql` (what pgbench runs), in one
 * transaction on a client of `pool`: lock the session row, update it, insert a transition row,
 * upsert the session's timer job. Returns the state entered.
 */
export async function applyEvent(pool: pg.Pool, sessionId: number): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ state: string }>(
      'SELECT state FROM peer_sessions WHERE id = $1 FOR UPDATE',
      [sessionId],
    );
    const from = rows[0]!.state;
    const to = from === 'A' ? 'B' : 'A';
    await client.query(
      'UPDATE peer_sessions SET state = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [sessionId, to],
    );
    await client.query(
      'INSERT INTO peer_transitions (session_id, from_state, to_state, event) VALUES ($1, $2, $3, $4)',
      [sessionId, from, to, 'activity'],
    );
    await client.query(
      `INSERT INTO peer_jobs (key, session_id, run_at) VALUES ('timer:' || $1::int, $1::int, now() + interval '5 minutes')
       ON CONFLICT (key) DO UPDATE SET run_at = excluded.run_at`,
      [sessionId],
    );
    await client.query('COMMIT');
    return to;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Creates sessions `base + 0 … base + count - 1` in state A. */
export async function createPeerSessions(
  pool: pg.Pool,
  base: number,
  count: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO peer_sessions (id, state) SELECT $1::int + g, 'A' FROM generate_series(0, $2::int - 1) g`,
    [base, count],
  );
}
