import type { Queryable } from '../transaction.ts';

export interface RunRow {
  id: string;
  status: string;
  currentPhase: string | null;
  request: string;
  attempt: number;
  phaseStartedAt: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** Implementation runs, active ones first, then the most recently changed. */
export async function recentRuns(db: Queryable, limit = 50): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>(
    `select id, status, current_phase as "currentPhase", input->>'request' as request, attempt,
            phase_started_at as "phaseStartedAt", created_at as "createdAt",
            updated_at as "updatedAt", completed_at as "completedAt"
       from implementation_runs
      order by (status in ('queued', 'in_progress', 'awaiting_approval')) desc, updated_at desc
      limit $1`,
    [limit],
  );
  return rows;
}
