import type { Phase } from '../../domain/implementation-run.ts';
import type { Queryable } from '../transaction.ts';

/**
 * The run row of a new attempt: queued at `firstPhase` under a new Mastra run and owner, with the
 * previous attempt's outcome cleared (and its approval too, with `resetApproval`).
 */
export async function resetRunForAttempt(
  db: Queryable,
  run: {
    runId: string;
    attempt: number;
    mastraRunId: string;
    firstPhase: Phase;
    ownerKey: number;
    resetApproval: boolean;
  },
): Promise<void> {
  await db.query(
    `update implementation_runs
     set attempt = $2, mastra_run_id = $3, status = 'queued', current_phase = $4, phase_started_at = null, owner_key = $5,
         error = null, metrics = null, completed_at = null, updated_at = now()
         ${run.resetApproval ? ', approval_requested_at = null, approval_decision = null, approval_comment = null, approval_answered_at = null, escalated_at = null' : ''}
     where id = $1`,
    [run.runId, run.attempt, run.mastraRunId, run.firstPhase, run.ownerKey],
  );
}
