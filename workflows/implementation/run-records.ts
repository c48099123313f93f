import type pg from 'pg';
import { appendRunEvent } from '../../src/db/runs/append-run-event.ts';
import { cancelApprovalTimeout } from '../../src/db/runs/approval-timeout-job.ts';
import {
  fencedRunUpdate,
  isCurrentAttempt,
  type RunChange,
} from '../../src/db/runs/fenced-run-update.ts';
import { insertFirstAttempt } from '../../src/db/runs/insert-attempt.ts';
import { insertExternalRun } from '../../src/db/runs/insert-external-run.ts';
import { lockRunByMastraRun } from '../../src/db/runs/lock-run-by-mastra-run.ts';
import { markRunStarted } from '../../src/db/runs/mark-run-started.ts';
import { recordApprovalAnswer } from '../../src/db/runs/record-approval-answer.ts';
import { saveCheckpoint } from '../../src/db/runs/save-checkpoint.ts';
import { withTransaction, type Queryable } from '../../src/db/transaction.ts';
import { AppError } from '../../src/errors/app-error.ts';
import { retryReason } from './retry.ts';
import type {
  ApprovalAnswer,
  ImplementationInput,
  ImplementationMetrics,
  Phase,
} from './schemas.ts';

/**
 * The run row as the workflow's steps see it. Each attempt (start, restart, recovery) runs as its own
 * Mastra run; every write below is fenced on `mastra_run_id`, so a step of a superseded attempt that
 * is still running somewhere changes nothing.
 */
export interface RunAttempt {
  runId: string;
  mastraRunId: string;
  attempt: number;
  input: ImplementationInput;
}

/** Thrown when the Mastra run is no longer the run's current attempt. */
export function supersededError(mastraRunId: string): AppError {
  return new AppError('CONFLICT', `workflow run ${mastraRunId} was superseded by a newer attempt`, {
    details: { reason: 'superseded' },
  });
}

export function isSuperseded(error: unknown): boolean {
  return error instanceof AppError && error.details?.reason === 'superseded';
}

/**
 * The attempt a step belongs to; throws `supersededError` when its Mastra run is no longer current.
 * With `createWith` (the first step only), a run started outside the run service (Studio, Mastra's HTTP
 * API) gets its row here, its id being the Mastra run id. A queued attempt becomes in progress.
 */
export async function openAttempt(
  pool: pg.Pool,
  mastraRunId: string,
  options: { createWith?: ImplementationInput } = {},
): Promise<RunAttempt> {
  return withTransaction(pool, async (client) => {
    if (options.createWith) {
      if (await insertExternalRun(client, mastraRunId, options.createWith)) {
        await insertFirstAttempt(client, mastraRunId);
        await appendRunEvent(client, mastraRunId, {
          type: 'run.started',
          data: { attempt: 1, mastraRunId },
        });
      }
    }
    const row = await lockRunByMastraRun(client, mastraRunId);
    if (!row) throw supersededError(mastraRunId);
    if (row.status === 'queued') {
      await markRunStarted(client, row.id);
      await appendRunEvent(client, row.id, {
        type: 'run.started',
        data: { attempt: row.attempt, mastraRunId },
      });
    }
    return { runId: row.id, mastraRunId, attempt: row.attempt, input: row.input };
  });
}

/** Update the run row only if `attempt` is still current; throws `supersededError` otherwise. */
async function fencedUpdate(
  db: Queryable,
  attempt: RunAttempt,
  change: RunChange,
): Promise<boolean> {
  if (await fencedRunUpdate(db, attempt.runId, attempt.mastraRunId, change)) return true;
  if (!(await isCurrentAttempt(db, attempt.runId, attempt.mastraRunId)))
    throw supersededError(attempt.mastraRunId);
  return false;
}

export async function enterPhase(
  pool: pg.Pool,
  attempt: RunAttempt,
  phase: Phase,
  iteration?: number,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await fencedUpdate(client, attempt, { kind: 'phase', phase });
    await appendRunEvent(client, attempt.runId, {
      type: 'phase.started',
      data: iteration === undefined ? { phase } : { phase, iteration },
    });
  });
}

export interface PhaseCompletion {
  phase: Phase;
  /** Stored as the phase's checkpoint when given; a loop iteration that does not end the phase has none. */
  checkpoint?: unknown;
  durationMs: number;
  score?: number;
  nextPhase: Phase | null;
  artifactId?: string;
  iteration?: number;
  /** Record no event (a phase that had nothing to do, e.g. no approval asked for). */
  silent?: boolean;
}

/** Seed 003's inter-phase event, with the checkpoint that lets a restart skip this phase. */
export async function completePhase(
  pool: pg.Pool,
  attempt: RunAttempt,
  done: PhaseCompletion,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    if (done.nextPhase)
      await fencedUpdate(client, attempt, { kind: 'phase', phase: done.nextPhase });
    else await fencedUpdate(client, attempt, { kind: 'phases-done' });
    if (done.checkpoint !== undefined) {
      await saveCheckpoint(client, attempt.runId, {
        phase: done.phase,
        attempt: attempt.attempt,
        output: done.checkpoint,
        durationMs: done.durationMs,
      });
    }
    if (done.silent) return;
    await appendRunEvent(client, attempt.runId, {
      type: 'phase.completed',
      data: {
        phase: done.phase,
        ...(done.score !== undefined ? { score: done.score } : {}),
        nextPhase: done.nextPhase,
        ...(done.artifactId ? { artifactId: done.artifactId } : {}),
        ...(done.iteration !== undefined ? { iteration: done.iteration } : {}),
        durationMs: Math.round(done.durationMs),
      },
    });
  });
}

/** A failure as stored on the run and in `run.failed`: a stable code, an optional reason, one line. */
export function describeFailure(error: unknown): {
  code: string;
  reason?: string;
  message: string;
} {
  const message =
    error instanceof Error ? error.message.split('\n')[0]!.slice(0, 500) : String(error);
  const reason =
    retryReason(error) ??
    (error instanceof AppError && typeof error.details?.reason === 'string'
      ? error.details.reason
      : undefined);
  const code =
    error instanceof AppError
      ? error.code
      : reason
        ? 'MODEL_ERROR'
        : (error as { id?: string })?.id?.includes('STRUCTURED_OUTPUT')
          ? 'MODEL_ERROR'
          : 'INTERNAL';
  return { code, ...(reason ? { reason } : {}), message };
}

/** End the run as failed (once; a run that already ended keeps its status). */
export async function failRun(
  pool: pg.Pool,
  attempt: RunAttempt,
  phase: Phase | null,
  error: unknown,
): Promise<void> {
  const failure = describeFailure(error);
  await withTransaction(pool, async (client) => {
    const changed = await fencedUpdate(client, attempt, {
      kind: 'failed',
      error: { ...failure, phase },
    });
    if (changed)
      await appendRunEvent(client, attempt.runId, {
        type: 'run.failed',
        data: { phase, ...failure },
      });
  });
}

export async function completeRun(
  pool: pg.Pool,
  attempt: RunAttempt,
  metrics: ImplementationMetrics,
  implementationId: string,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    const changed = await fencedUpdate(client, attempt, { kind: 'completed', metrics });
    if (changed)
      await appendRunEvent(client, attempt.runId, {
        type: 'run.completed',
        data: { metrics, implementationId },
      });
  });
}

/**
 * Record a human's answer, exactly once: only a run waiting for approval accepts it. A rejection ends
 * the run here. Returns false when the run was not waiting (already answered, or never asked).
 */
export async function recordApprovalDecision(
  client: pg.PoolClient,
  runId: string,
  answer: ApprovalAnswer,
): Promise<boolean> {
  if (!(await recordApprovalAnswer(client, runId, answer))) return false;
  const comment = answer.comment ? { comment: answer.comment } : {};
  await appendRunEvent(client, runId, {
    type: 'approval.answered',
    data: { approved: answer.approved, ...comment },
  });
  if (!answer.approved)
    await appendRunEvent(client, runId, { type: 'run.rejected', data: comment });
  await cancelApprovalTimeout(client, runId);
  return true;
}
