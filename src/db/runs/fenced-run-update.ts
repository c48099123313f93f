import type { ImplementationMetrics, Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/** What a step of the current attempt changes on its run row. */
export type RunChange =
  /** The run enters `phase`. */
  | { kind: 'phase'; phase: Phase }
  /** The last phase completed: no phase is running. */
  | { kind: 'phases-done' }
  /** The run failed (once: a run that already ended keeps its status). */
  | { kind: 'failed'; error: unknown }
  /** The run completed with its metrics (only from in progress). */
  | { kind: 'completed'; metrics: ImplementationMetrics };

function setClause(change: RunChange): { set: string; params: unknown[]; extraWhere: string } {
  switch (change.kind) {
    case 'phase':
      return {
        set: 'current_phase = $3, phase_started_at = now()',
        params: [change.phase],
        extraWhere: '',
      };
    case 'phases-done':
      return { set: 'phase_started_at = null', params: [], extraWhere: '' };
    case 'failed':
      return {
        set: "status = 'failed', error = $3, completed_at = now()",
        params: [JSON.stringify(change.error)],
        extraWhere: "and status in ('queued', 'in_progress')",
      };
    case 'completed':
      return {
        set: "status = 'completed', metrics = $3, completed_at = now()",
        params: [JSON.stringify(change.metrics)],
        extraWhere: "and status = 'in_progress'",
      };
  }
}

/**
 * Update the run row only while `mastraRunId` is its current attempt (a step of a superseded
 * attempt that is still running somewhere changes nothing). Returns whether a row changed.
 */
export async function fencedRunUpdate(
  db: Queryable,
  runId: string,
  mastraRunId: string,
  change: RunChange,
): Promise<boolean> {
  const { set, params, extraWhere } = setClause(change);
  const result = await db.query(
    `update implementation_runs set ${set}, updated_at = now() where id = $1 and mastra_run_id = $2 ${extraWhere}`,
    [runId, mastraRunId, ...params],
  );
  return Boolean(result.rowCount);
}

/** Whether `mastraRunId` is still the run's current attempt. */
export async function isCurrentAttempt(
  db: Queryable,
  runId: string,
  mastraRunId: string,
): Promise<boolean> {
  const current = await db.query(
    'select 1 from implementation_runs where id = $1 and mastra_run_id = $2',
    [runId, mastraRunId],
  );
  return Boolean(current.rowCount);
}
