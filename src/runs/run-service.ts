import { randomBytes } from 'node:crypto';
import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { z } from 'zod';
import { appendRunEvent } from '../db/runs/append-run-event.ts';
import { insertFirstAttempt } from '../db/runs/insert-attempt.ts';
import { insertQueuedRun } from '../db/runs/insert-queued-run.ts';
import { listCheckpoints } from '../db/runs/list-checkpoints.ts';
import { listRunEventRows } from '../db/runs/list-run-events.ts';
import { loadArtifact } from '../db/runs/select-artifacts.ts';
import { loadRunRow } from '../db/runs/select-run.ts';
import { selectRunByIdempotencyKey } from '../db/runs/select-run-by-idempotency-key.ts';
import { setRunOwner } from '../db/runs/set-run-owner.ts';
import type { Artifact, RunRow } from '../db/runs/types.ts';
import { withTransaction } from '../db/transaction.ts';
import type { RunEvent } from '../domain/implementation-run.ts';
import { recordApprovalDecision } from '../../workflows/implementation/run-records.ts';
import {
  approvalAnswerSchema,
  implementationInputSchema,
  phaseIndex,
  phaseSchema,
  phases,
  type Phase,
  type RunStatus,
} from '../../workflows/implementation/schemas.ts';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { beginAttempt, type NewAttempt } from './attempts.ts';
import { isSameRequest, keyReusedError } from './idempotency.ts';
import { createRunDriver } from './run-driver.ts';
import { acquireRunOwner, claimOrphanedRuns, type RunOwner } from './run-owner.ts';
import { toRunDetails, toRunStatusView, type RunDetails, type RunStatusView } from './run-views.ts';

export interface RunServiceOptions {
  /** A Mastra instance with the implementation workflow (and, for the default agent port, its agents). */
  mastra: Mastra;
  pool: pg.Pool;
  /** Default `implementation`. */
  workflowId?: string;
  logger?: IMastraLogger;
  /** Review score that ends refinement (for progress estimates). Default 80. */
  passScore?: number;
  /** Refinement bound when a run names none (for progress estimates). Default 3. */
  maxRefinements?: number;
  /** Clock for status estimates (tests). */
  now?: () => Date;
}

export const restartOptionsSchema = z.object({ fromPhase: phaseSchema });
const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1, 'expected a non-empty key')
  .max(200, 'expected at most 200 characters');

export interface StartOptions {
  /**
   * Starting again with the same key and the same input returns the first run (`duplicate: true`)
   * instead of a new one; the same key with another input is refused (UNPROCESSABLE, 422).
   */
  idempotencyKey?: string;
  /** The key's name in errors, as the client sent it. Default `idempotency-key` (the header). */
  keyField?: string;
  /**
   * `false`: a repeated key returns the first run whatever the input (a tracker re-delivering an
   * edited ticket under the ticket's key). Default `true`.
   */
  bodyMustMatch?: boolean;
}
export const listEventsOptionsSchema = z.object({
  /** Sequence number of the last event seen (SSE `Last-Event-ID`); events after it are returned. */
  after: z.coerce
    .number({ error: 'expected a non-negative integer' })
    .int('expected a non-negative integer')
    .min(0, 'expected a non-negative integer')
    .default(0),
  limit: z.coerce
    .number({ error: 'expected an integer from 1 to 1000' })
    .int()
    .min(1)
    .max(1000)
    .default(500),
});

/** What the HTTP layer calls. Every method validates its input and throws AppError. */
export interface RunService {
  /** Validate, record and start a run; returns at once while the run proceeds in the background. */
  startImplementationRun(
    input: unknown,
    options?: StartOptions,
  ): Promise<{ id: string; status: RunStatus; duplicate?: true }>;
  /** Seed 003's status shape. */
  getRunStatus(id: string): Promise<RunStatusView>;
  /** Everything about a run: approval, error, metrics, output, checkpoints, artifact ids. */
  getRun(id: string): Promise<RunDetails>;
  /** One stored artifact (plan, review, refinement, implementation) of a run. */
  getArtifact(id: string, artifactId: string): Promise<Artifact>;
  /** Approve or reject a run waiting for approval (exactly once; CONFLICT otherwise). */
  answerApproval(id: string, answer: unknown): Promise<{ id: string; status: RunStatus }>;
  /** Run again from `fromPhase`, re-using the stored results of the phases before it. */
  restartRun(
    id: string,
    options: unknown,
  ): Promise<{ id: string; status: RunStatus; attempt: number }>;
  /** The run's event log after a sequence number, oldest first. */
  listRunEvents(id: string, options?: unknown): Promise<RunEvent[]>;
  /** Continue, from their checkpoints, the runs of processes that died. Call at boot. */
  recoverRuns(): Promise<string[]>;
  /** Resolves once every attempt this process started has finished or suspended. */
  idle(): Promise<void>;
  /** Stop owning runs (shutdown). Runs still executing here become recoverable by other processes. */
  close(): Promise<void>;
}

function newRunId(): string {
  return `wf_${randomBytes(12).toString('hex')}`;
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `implementation run ${id} not found`);
}

export function createRunService(options: RunServiceOptions): RunService {
  const { pool, mastra } = options;
  const logger = options.logger ?? mastra.getLogger();
  const now = options.now ?? (() => new Date());
  const estimates = {
    passScore: options.passScore ?? 80,
    maxRefinements: options.maxRefinements ?? 3,
  };

  let owner: Promise<RunOwner> | undefined;
  function currentOwner(): Promise<RunOwner> {
    owner ??= acquireRunOwner(pool, (error) =>
      logger.error(
        `run ownership lost (${error.message}); other processes may recover this process's runs`,
      ),
    );
    return owner;
  }

  const driver = createRunDriver({
    mastra,
    pool,
    workflowId: options.workflowId ?? 'implementation',
    logger,
    onUnresumable: async (runId) => {
      const { key } = await currentOwner();
      const next = await withTransaction(pool, async (client) => {
        const row = await loadRunRow(client, runId, { lock: true });
        if (!row || row.status !== 'in_progress') return undefined;
        return beginAttempt(client, row, { reason: 'recovery', ownerKey: key });
      });
      if (next) {
        driver.cancel(next.previousMastraRunId);
        driver.start(next);
      }
    },
  });

  async function requireRun(
    db: pg.Pool | pg.PoolClient,
    id: string,
    lock = false,
  ): Promise<RunRow> {
    const row = await loadRunRow(db, id, { lock });
    if (!row) throw notFound(id);
    return row;
  }

  return {
    async startImplementationRun(raw, options = {}) {
      const input = parseOrThrow(implementationInputSchema, raw);
      const keyField = options.keyField ?? 'idempotency-key';
      const idempotencyKey =
        options.idempotencyKey === undefined
          ? undefined
          : parseOrThrow(idempotencyKeySchema, options.idempotencyKey, { root: keyField });
      const { key } = await currentOwner();
      const id = newRunId();
      const inserted = await withTransaction(pool, async (client) => {
        const queued = await insertQueuedRun(client, {
          id,
          input,
          ownerKey: key,
          idempotencyKey: idempotencyKey ?? null,
        });
        if (!queued) return false;
        await insertFirstAttempt(client, id);
        await appendRunEvent(client, id, { type: 'run.queued', data: { attempt: 1 } });
        return true;
      });
      if (!inserted) {
        const first = (await selectRunByIdempotencyKey(pool, idempotencyKey))!;
        // A retry of the first request gets its run; another request under its key does not.
        const mismatch = options.bodyMustMatch !== false && !isSameRequest(first.input, input);
        if (mismatch) throw keyReusedError(keyField);
        return { id: first.id, status: first.status, duplicate: true };
      }
      driver.start({ runId: id, mastraRunId: id, attempt: 1, input });
      return { id, status: 'queued' };
    },

    async getRunStatus(id) {
      const row = await requireRun(pool, id);
      return toRunStatusView(pool, row, { ...estimates, now: now() });
    },

    async getRun(id) {
      return toRunDetails(pool, await requireRun(pool, id));
    },

    async getArtifact(id, artifactId) {
      await requireRun(pool, id);
      if (!z.uuid().safeParse(artifactId).success)
        throw new AppError('NOT_FOUND', `artifact ${artifactId} not found`);
      const artifact = await loadArtifact(pool, artifactId, [
        'plan',
        'review',
        'refinement',
        'implementation',
      ]).catch(() => undefined);
      if (!artifact || artifact.runId !== id)
        throw new AppError('NOT_FOUND', `artifact ${artifactId} not found in run ${id}`);
      return artifact;
    },

    async answerApproval(id, raw) {
      const answer = parseOrThrow(approvalAnswerSchema, raw);
      const { key } = await currentOwner();
      const row = await withTransaction(pool, async (client) => {
        const run = await requireRun(client, id, true);
        if (
          run.status !== 'awaiting_approval' ||
          !(await recordApprovalDecision(client, id, answer))
        ) {
          throw new AppError(
            'CONFLICT',
            `implementation run ${id} is not waiting for approval (status ${run.status})`,
            { details: { status: run.status } },
          );
        }
        if (answer.approved) await setRunOwner(client, id, key);
        return run;
      });
      // A rejection is resumed too, so that the gate ends the Mastra run (canceled) instead of leaving it suspended.
      driver.resume(
        { runId: id, mastraRunId: row.mastra_run_id, attempt: row.attempt, input: row.input },
        answer,
      );
      return { id, status: answer.approved ? 'in_progress' : 'rejected' };
    },

    async restartRun(id, raw) {
      const { fromPhase } = parseOrThrow(restartOptionsSchema, raw);
      const { key } = await currentOwner();
      const next: NewAttempt = await withTransaction(pool, async (client) => {
        const run = await requireRun(client, id, true);
        if (run.status === 'queued' || run.status === 'in_progress') {
          throw new AppError(
            'CONFLICT',
            `implementation run ${id} is running; restart it once it has stopped`,
            { details: { status: run.status } },
          );
        }
        const completed = new Set((await listCheckpoints(client, id)).map((c) => c.phase));
        const missing = phases
          .slice(0, phaseIndex(fromPhase))
          .find((p: Phase) => !completed.has(p));
        if (missing) {
          throw new AppError(
            'VALIDATION_ERROR',
            `fromPhase: cannot restart from ${fromPhase}, phase ${missing} has not completed`,
            {
              field: 'fromPhase',
              details: { completed: phases.filter((p) => completed.has(p)) },
            },
          );
        }
        return beginAttempt(client, run, { reason: 'restart', fromPhase, ownerKey: key });
      });
      driver.cancel(next.previousMastraRunId);
      driver.start(next);
      return { id, status: 'queued', attempt: next.attempt };
    },

    async listRunEvents(id, raw = {}) {
      const { after, limit } = parseOrThrow(listEventsOptionsSchema, raw ?? {});
      await requireRun(pool, id);
      return listRunEventRows(pool, id, after, limit);
    },

    async recoverRuns() {
      const { key } = await currentOwner();
      const claimed = await claimOrphanedRuns(pool, key);
      const recovered: string[] = [];
      for (const id of claimed) {
        const next = await withTransaction(pool, async (client) => {
          const row = await loadRunRow(client, id, { lock: true });
          if (!row || (row.status !== 'queued' && row.status !== 'in_progress')) return undefined;
          return beginAttempt(client, row, { reason: 'recovery', ownerKey: key });
        });
        if (!next) continue;
        logger.info(
          `implementation run ${id}: recovered as attempt ${next.attempt} (re-using ${next.reused.join(', ') || 'nothing'})`,
        );
        driver.cancel(next.previousMastraRunId);
        driver.start(next);
        recovered.push(id);
      }
      return recovered;
    },

    idle: () => driver.idle(),

    async close() {
      const held = owner;
      owner = undefined;
      await (await held?.catch(() => undefined))?.release();
    },
  };
}
