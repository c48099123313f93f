import type { Queryable } from '../transaction.ts';

/** A queued run is in progress: its first step started. */
export async function markRunStarted(db: Queryable, runId: string): Promise<void> {
  await db.query(
    "update implementation_runs set status = 'in_progress', updated_at = now() where id = $1",
    [runId],
  );
}
