import type pg from 'pg';
import { AppError } from '../../src/errors/app-error.ts';
import { cancelApprovalTimeout } from './approval-jobs.ts';
import { saveCheckpoint } from './checkpoints.ts';
import { withTransaction, type Queryable } from '../../src/db/transaction.ts';
import { retryReason } from './retry.ts';
import { appendRunEvent } from './run-events.ts';
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
      const inserted = await client.query(
        `insert into implementation_runs (id, mastra_run_id, status, current_phase, phase_started_at, input)
         select $1, $1, 'in_progress', 'plan', now(), $2
         where not exists (select 1 from implementation_run_attempts where mastra_run_id = $1)
         on conflict do nothing`,
        [mastraRunId, JSON.stringify(options.createWith)],
      );
      if (inserted.rowCount) {
        await client.query(
          "insert into implementation_run_attempts (mastra_run_id, run_id, attempt, reason) values ($1, $1, 1, 'start')",
          [mastraRunId],
        );
        await appendRunEvent(client, mastraRunId, {
          type: 'run.started',
          data: { attempt: 1, mastraRunId },
        });
      }
    }
    const { rows } = await client.query<{
      id: string;
      attempt: number;
      input: ImplementationInput;
      status: string;
    }>(
      'select id, attempt, input, status from implementation_runs where mastra_run_id = $1 for update',
      [mastraRunId],
    );
    const row = rows[0];
    if (!row) throw supersededError(mastraRunId);
    if (row.status === 'queued') {
      await client.query(
        "update implementation_runs set status = 'in_progress', updated_at = now() where id = $1",
        [row.id],
      );
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
  set: string,
  params: unknown[],
  extraWhere = '',
): Promise<boolean> {
  const result = await db.query(
    `update implementation_runs set ${set}, updated_at = now() where id = $1 and mastra_run_id = $2 ${extraWhere}`,
    [attempt.runId, attempt.mastraRunId, ...params],
  );
  if (result.rowCount) return true;
  const current = await db.query(
    'select 1 from implementation_runs where id = $1 and mastra_run_id = $2',
    [attempt.runId, attempt.mastraRunId],
  );
  if (!current.rowCount) throw supersededError(attempt.mastraRunId);
  return false;
}

export async function enterPhase(
  pool: pg.Pool,
  attempt: RunAttempt,
  phase: Phase,
  iteration?: number,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await fencedUpdate(client, attempt, 'current_phase = $3, phase_started_at = now()', [phase]);
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
      await fencedUpdate(client, attempt, 'current_phase = $3, phase_started_at = now()', [
        done.nextPhase,
      ]);
    else await fencedUpdate(client, attempt, 'phase_started_at = null', []);
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
    const changed = await fencedUpdate(
      client,
      attempt,
      "status = 'failed', error = $3, completed_at = now()",
      [JSON.stringify({ ...failure, phase })],
      "and status in ('queued', 'in_progress')",
    );
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
    const changed = await fencedUpdate(
      client,
      attempt,
      "status = 'completed', metrics = $3, completed_at = now()",
      [JSON.stringify(metrics)],
      "and status = 'in_progress'",
    );
    if (changed)
      await appendRunEvent(client, attempt.runId, {
        type: 'run.completed',
        data: { metrics, implementationId },
      });
  });
}

export interface ApprovalState {
  decision: 'approved' | 'rejected' | null;
  comment: string | null;
  /** From the request to the answer, once answered. */
  waitedMs: number | null;
}

export async function approvalState(db: Queryable, runId: string): Promise<ApprovalState> {
  const { rows } = await db.query<{
    approval_decision: ApprovalState['decision'];
    approval_comment: string | null;
    waited_ms: number | null;
  }>(
    `select approval_decision, approval_comment,
            (extract(epoch from approval_answered_at - approval_requested_at) * 1000)::int as waited_ms
     from implementation_runs where id = $1`,
    [runId],
  );
  const row = rows[0];
  return {
    decision: row?.approval_decision ?? null,
    comment: row?.approval_comment ?? null,
    waitedMs: row?.waited_ms ?? null,
  };
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
  const { rowCount } = await client.query(
    `update implementation_runs
     set approval_decision = $2, approval_comment = $3, approval_answered_at = now(), updated_at = now(),
         status = case when $2 = 'approved' then 'in_progress' else 'rejected' end,
         completed_at = case when $2 = 'approved' then null else now() end
     where id = $1 and status = 'awaiting_approval' and approval_decision is null`,
    [runId, answer.approved ? 'approved' : 'rejected', answer.comment ?? null],
  );
  if (!rowCount) return false;
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
