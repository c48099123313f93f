import type { Queryable } from '../transaction.ts';

/**
 * Advisory-lock class for run ownership (two-key form, so it never meets the one-key schema lock).
 * Each process driving runs holds `(class, its key)` on a connection of its own for its lifetime;
 * when the process dies, Postgres drops the connection and the lock with it, which is how another
 * process tells an orphaned run from one that is still being worked on.
 */
export const RUN_OWNER_LOCK_CLASS = 0x52554e53;

/** Take the session-level ownership lock of `key` on this connection, if nobody holds it. */
export async function tryRunOwnerLock(db: Queryable, key: number): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
    RUN_OWNER_LOCK_CLASS,
    key,
  ]);
  return rows[0]!.ok;
}

/** Release the ownership lock of `key` held on this connection. */
export async function releaseRunOwnerLock(db: Queryable, key: number): Promise<void> {
  await db.query('select pg_advisory_unlock($1, $2)', [RUN_OWNER_LOCK_CLASS, key]);
}
