import type { Queryable } from '../transaction.ts';

/** A run as its approval timeout reads it: still waiting, on which attempt, already escalated. */
export interface ApprovalWaitRow {
  status: string;
  attempt: number;
  escalated_at: Date | null;
  waited_ms: number;
}

/** Lock the run and read how long its approval request has waited; undefined when there is none. */
export async function lockApprovalWait(
  db: Queryable,
  runId: string,
): Promise<ApprovalWaitRow | undefined> {
  const { rows } = await db.query<ApprovalWaitRow>(
    `select status, attempt, escalated_at, (extract(epoch from now() - approval_requested_at) * 1000)::int as waited_ms
         from implementation_runs where id = $1 for update`,
    [runId],
  );
  return rows[0];
}
