import type { Queryable } from '../transaction.ts';

export interface RunAlertFigures {
  /** Runs finished within the window, and how many of them failed. */
  finishedRecently: number;
  failedRecently: number;
  /** Queued or running runs whose current phase started before `stuckAfterMs` ago. */
  stuckRuns: string[];
  /** Runs waiting for approval past their request's timeout (or already escalated). */
  overdueApprovals: string[];
}

/** The raw figures behind the dashboard's alerts (the thresholds are the page's). */
export async function runAlertFigures(
  db: Queryable,
  options: { windowMs: number; stuckAfterMs: number },
): Promise<RunAlertFigures> {
  const { rows } = await db.query<RunAlertFigures>(
    `select
       (select count(*)::int from implementation_runs
         where status in ('completed', 'failed', 'rejected')
           and coalesce(completed_at, updated_at) > now() - make_interval(secs => $1::float8 / 1000)) as "finishedRecently",
       (select count(*)::int from implementation_runs
         where status = 'failed'
           and coalesce(completed_at, updated_at) > now() - make_interval(secs => $1::float8 / 1000)) as "failedRecently",
       array(select id from implementation_runs
         where status in ('queued', 'in_progress')
           and coalesce(phase_started_at, updated_at) < now() - make_interval(secs => $2::float8 / 1000)
         order by id) as "stuckRuns",
       array(select r.id from implementation_runs r
         where r.status = 'awaiting_approval'
           and (r.escalated_at is not null or exists (
                 select 1 from implementation_notifications n
                  where n.run_id = r.id and n.kind = 'approval.requested'
                    and (n.payload->>'timeoutAt')::timestamptz < now()))
         order by r.id) as "overdueApprovals"`,
    [options.windowMs, options.stuckAfterMs],
  );
  return rows[0]!;
}
