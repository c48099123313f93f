import type { Queryable } from '../transaction.ts';

/** Removes the escalation's pending acknowledgement timeout job: a human has the escalation. */
export async function removeAckTimeout(db: Queryable, id: number): Promise<void> {
  await db.query('select graphile_worker.remove_job($1)', [`escalation:${id}:ack`]);
}
