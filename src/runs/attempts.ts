import type pg from 'pg';
import { cancelApprovalTimeout } from '../../workflows/implementation/approval-jobs.ts';
import {
  dropCheckpointsFrom,
  listCheckpoints,
} from '../../workflows/implementation/checkpoints.ts';
import { appendRunEvent } from '../../workflows/implementation/run-events.ts';
import {
  phaseIndex,
  phases,
  type ImplementationInput,
  type Phase,
} from '../../workflows/implementation/schemas.ts';

export interface NewAttempt {
  runId: string;
  mastraRunId: string;
  attempt: number;
  input: ImplementationInput;
  /** Phases whose stored results the attempt re-uses. */
  reused: Phase[];
  /** The Mastra run of the attempt this one replaces. */
  previousMastraRunId: string;
}

/** Mastra run id of attempt `n` (the first attempt's is the run id itself). */
export function mastraRunIdOf(runId: string, attempt: number): string {
  return attempt === 1 ? runId : `${runId}-a${attempt}`;
}

/**
 * Start a new attempt of a run (in the caller's transaction, run row locked): a restart drops the
 * checkpoints from `fromPhase` on (and the approval answer when the gate is to run again); a recovery
 * keeps them all. The attempt runs as a new Mastra run; the old one's steps are fenced out.
 */
export async function beginAttempt(
  client: pg.PoolClient,
  run: { id: string; attempt: number; mastra_run_id: string; input: ImplementationInput },
  options: { reason: 'restart' | 'recovery'; fromPhase?: Phase; ownerKey: number },
): Promise<NewAttempt> {
  if (options.fromPhase) await dropCheckpointsFrom(client, run.id, options.fromPhase);
  const reused = (await listCheckpoints(client, run.id)).map((c) => c.phase);
  const attempt = run.attempt + 1;
  const mastraRunId = mastraRunIdOf(run.id, attempt);
  const resetApproval =
    options.fromPhase !== undefined && phaseIndex(options.fromPhase) <= phaseIndex('approval');
  const firstToRun = phases.find((p) => !reused.includes(p)) ?? 'implement';
  await client.query(
    `update implementation_runs
     set attempt = $2, mastra_run_id = $3, status = 'queued', current_phase = $4, phase_started_at = null, owner_key = $5,
         error = null, metrics = null, completed_at = null, updated_at = now()
         ${resetApproval ? ', approval_requested_at = null, approval_decision = null, approval_comment = null, approval_answered_at = null, escalated_at = null' : ''}
     where id = $1`,
    [run.id, attempt, mastraRunId, firstToRun, options.ownerKey],
  );
  await client.query(
    'insert into implementation_run_attempts (mastra_run_id, run_id, attempt, reason, from_phase) values ($1, $2, $3, $4, $5)',
    [mastraRunId, run.id, attempt, options.reason, options.fromPhase ?? null],
  );
  if (resetApproval) await cancelApprovalTimeout(client, run.id);
  await appendRunEvent(
    client,
    run.id,
    options.reason === 'restart'
      ? {
          type: 'run.restarted',
          data: { fromPhase: options.fromPhase ?? firstToRun, attempt, reused },
        }
      : { type: 'run.recovered', data: { attempt, reused } },
  );
  return {
    runId: run.id,
    mastraRunId,
    attempt,
    input: run.input,
    reused,
    previousMastraRunId: run.mastra_run_id,
  };
}
