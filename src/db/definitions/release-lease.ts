import type { Queryable } from './types.ts';

/** Let go of a run that now waits (a task, an event): whoever delivers the answer drives it next. */
export async function releaseLease(db: Queryable, id: string, owner: string): Promise<void> {
  await db.query(
    'update workflow_runs set lease_owner = null, lease_until = null where id = $1 and lease_owner = $2',
    [id, owner],
  );
}
