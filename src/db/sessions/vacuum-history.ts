import type { Queryable } from '../transaction.ts';

/**
 * Makes the space of pruned history reusable now: VACUUM of the inbox, the agents' messages and the
 * session rows every event rewrites, skipping a table another VACUUM holds. Autovacuum wakes once a minute, so a session writing fast
 * would otherwise append a minute of events to the files before any pruned space came back. Runs
 * outside a transaction (VACUUM cannot run inside one); Mastra's table may not exist yet.
 */
export async function vacuumHistory(db: Queryable): Promise<void> {
  const { rows } = await db.query<{ messages: boolean }>(
    "select to_regclass('mastra_messages') is not null as messages",
  );
  await db.query(
    rows[0]?.messages
      ? 'vacuum (skip_locked) sessions, session_inbox, session_events, mastra_messages'
      : 'vacuum (skip_locked) sessions, session_inbox, session_events',
  );
}
