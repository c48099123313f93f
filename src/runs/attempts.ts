import type pg from 'pg';
import { appendRunEvent } from '../db/runs/append-run-event.ts';
import { cancelApprovalTimeout } from '../db/runs/approval-timeout-job.ts';
import { dropCheckpointsFrom } from '../db/runs/drop-checkpoints-from.ts';
import { insertAttempt } from '../db/runs/insert-attempt.ts';
import { listCheckpoints } from '../db/runs/list-checkpoints.ts';
import { resetRunForAttempt } from '../db/runs/reset-run-for-attempt.ts';
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
  await resetRunForAttempt(client, {
    runId: run.id,
    attempt,
    mastraRunId,
    firstPhase: firstToRun,
    ownerKey: options.ownerKey,
    resetApproval,
  });
  await insertAttempt(client, {
    mastraRunId,
    runId: run.id,
    attempt,
    reason: options.reason,
    fromPhase: options.fromPhase ?? null,
  });
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
