import type { Queryable } from '../transaction.ts';

/** The process holding ownership lock `ownerKey` drives the run from now on. */
export async function setRunOwner(db: Queryable, runId: string, ownerKey: number): Promise<void> {
  await db.query('update implementation_runs set owner_key = $2 where id = $1', [runId, ownerKey]);
}
