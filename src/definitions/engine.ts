import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { AppError } from '../errors/app-error.ts';
import { type Compiled, compileDefinition, workflowIdOf } from './compile.ts';
import { Forks } from './coordinator.ts';
import type { KindDeps } from './kinds.ts';
import type { BreakerOptions } from './policy.ts';
import { finishCancel, finishSaga, settleRun } from './settle.ts';
import { type Definition, definitionSchema } from './schema.ts';
import { appendRunEvent } from '../db/definitions/append-run-event.ts';
import { claimRun } from '../db/definitions/claim-run.ts';
import { insertRun } from '../db/definitions/insert-run.ts';
import { releaseLease } from '../db/definitions/release-lease.ts';
import { renewLeases } from '../db/definitions/renew-leases.ts';
import { selectDefinition } from '../db/definitions/select-definition.ts';
import { selectRun } from '../db/definitions/select-run.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import { selectVersion } from '../db/definitions/select-version.ts';
import { setMastraRun } from '../db/definitions/set-mastra-run.ts';
import { setRunStatus } from '../db/definitions/set-run-status.ts';
import type { RunRow } from '../db/definitions/types.ts';
import { StepCancelled, StepError } from './step-error.ts';
import { type EngineCore, type RunContext, stepHooks } from './step-runner.ts';

export interface EngineOptions {
  mastra: Mastra;
  pool: pg.Pool;
  logger: IMastraLogger;
  /** TIME_SCALE: leases, ticks and cron clocks scale with it. */
  timeScale: number;
  secrets: Record<string, string>;
  breaker?: BreakerOptions;
}

export interface StartOptions {
  trigger?: Record<string, unknown>;
  idempotencyKey?: string;
}

type Resume = { stepId: string; data: unknown };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives user-defined workflow runs in this process: compiles and registers versions on Mastra,
 * starts and resumes Mastra runs under a lease (renewed while the run is driven, taken over by a
 * live process when it expires), settles the outcome (completed, waiting, failed with the saga,
 * cancelled) and stops running steps on cancel.
 */
export class DefinitionEngine implements EngineCore {
  readonly pool: pg.Pool;
  readonly mastra: Mastra;
  readonly logger: IMastraLogger;
  readonly secrets: Record<string, string>;
  readonly breaker: BreakerOptions;
  readonly timeScale: number;
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  /** A dead process's runs are taken over this long after its last renewal. */
  readonly leaseMs: number;
  readonly forks = new Forks();
  readonly deps: KindDeps;
  /** Called when a run fails (system event `workflow-run.failed`). */
  onRunFailed: ((run: RunRow) => Promise<void>) | undefined;
  readonly #compiled = new Map<string, Compiled>();
  readonly #driving = new Map<
    string,
    { controller: AbortController; context: RunContext; cancel?: () => Promise<void> }
  >();
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #inflight = new Set<Promise<unknown>>();
  readonly #hooks: ReturnType<typeof stepHooks>;
  #closed = false;

  constructor(options: EngineOptions) {
    this.pool = options.pool;
    this.mastra = options.mastra;
    this.logger = options.logger;
    this.secrets = options.secrets;
    this.timeScale = options.timeScale;
    this.leaseMs = Math.max(1_500, Math.round(30_000 * options.timeScale));
    this.breaker = options.breaker ?? {
      threshold: 5,
      cooldownMs: Math.max(200, Math.round(30_000 * options.timeScale)),
    };
    this.deps = {
      mastra: this.mastra,
      runChild: (id, input, key, signal) => this.runChild(id, input, key, signal),
    };
    // Last: the runner reads the fields set above.
    this.#hooks = stepHooks(this);
  }

  /** A stored version, parsed. */
  async definition(id: string, version: number): Promise<Definition> {
    const row = await selectVersion(this.pool, id, version);
    if (!row)
      throw new AppError('NOT_FOUND', `no version ${version} of workflow definition "${id}"`);
    return definitionSchema.parse(row.spec);
  }

  /** The compiled Mastra workflow of a version, registered on Mastra (once per process). */
  async compiled(id: string, version: number): Promise<Compiled> {
    const key = workflowIdOf(id, version);
    const cached = this.#compiled.get(key);
    if (cached) return cached;
    const compiled = compileDefinition(await this.definition(id, version), version, this.#hooks);
    if (this.#compiled.has(key)) return this.#compiled.get(key)!;
    this.#compiled.set(key, compiled);
    if (this.mastra.listWorkflows()[key]) this.mastra.removeWorkflow(key);
    this.mastra.addWorkflow(compiled.workflow as never, key);
    return compiled;
  }

  async runContext(runId: string): Promise<RunContext> {
    const driving = this.#driving.get(runId);
    if (driving) return driving.context;
    const row = await selectRun(this.pool, runId);
    if (!row) throw new AppError('NOT_FOUND', `no workflow run ${runId}`);
    return {
      row,
      definition: await this.definition(row.definition_id, row.version),
      signal: new AbortController().signal,
    };
  }

  /** Create a run of a definition's latest version and drive it in the background. */
  async startRun(
    definitionId: string,
    input: unknown,
    options: StartOptions = {},
  ): Promise<{ run: RunRow; duplicate: boolean }> {
    const head = await selectDefinition(this.pool, definitionId);
    if (!head)
      throw new AppError('NOT_FOUND', `no workflow definition "${definitionId}"`, { field: 'id' });
    if (head.status === 'deprecated')
      throw new AppError(
        'CONFLICT',
        `workflow definition "${definitionId}" is deprecated: it starts no new runs`,
      );
    const { row, duplicate } = await insertRun(this.pool, {
      id: `wr_${randomBytes(12).toString('hex')}`,
      definitionId,
      version: head.latest_version,
      input: input ?? {},
      trigger: options.trigger ?? { type: 'api' },
      idempotencyKey: options.idempotencyKey,
      owner: this.owner,
      leaseMs: this.leaseMs,
    });
    if (!duplicate) {
      await appendRunEvent(this.pool, row.id, 'run.created', {
        version: row.version,
        trigger: row.trigger,
      });
      this.spawn(row.id);
    }
    return { run: row, duplicate };
  }

  /** Drive a run without waiting for it. */
  spawn(runId: string, resume?: Resume): Promise<unknown> {
    const promise = this.drive(runId, resume)
      .catch((error: Error) => this.logger.error(`workflow run ${runId}: ${error.message}`))
      .finally(() => this.#inflight.delete(promise));
    this.#inflight.add(promise);
    return promise;
  }

  /** Drive a run (start, take over, or resume it), one drive at a time per run in this process. */
  drive(runId: string, resume?: Resume): Promise<RunRow | undefined> {
    const previous = this.#queues.get(runId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#drive(runId, resume));
    this.#queues.set(runId, next);
    void next
      .finally(() => this.#queues.get(runId) === next && this.#queues.delete(runId))
      .catch(() => undefined);
    return next;
  }

  async #claim(runId: string, patient: boolean): Promise<RunRow | undefined> {
    // A resume may arrive while another process is still settling the run as waiting: wait for it
    // to let go (or for its lease to expire, if it died).
    const deadline = Date.now() + (patient ? this.leaseMs + 2_000 : 0);
    for (;;) {
      const row = await claimRun(this.pool, runId, this.owner, this.leaseMs);
      if (row || Date.now() >= deadline || this.#closed) return row;
      await sleep(50);
    }
  }

  async #drive(runId: string, resume: Resume | undefined): Promise<RunRow | undefined> {
    if (this.#closed) return undefined;
    const row = await this.#claim(runId, resume !== undefined);
    if (!row) return selectRun(this.pool, runId);
    if (resume && !row.cancel_requested) {
      const stepId = resume.stepId;
      const results = await selectStepResults(this.pool, runId);
      if (results.find((r) => r.step_id === stepId)?.status !== 'waiting') {
        // Resumed already (two processes took the same answer): let go of the waiting run. A run
        // whose driver died is taken over instead.
        if (row.status === 'waiting') {
          await releaseLease(this.pool, runId, this.owner);
          return selectRun(this.pool, runId);
        }
        resume = undefined;
      }
    }
    const definition = await this.definition(row.definition_id, row.version);
    const controller = new AbortController();
    const context: RunContext = { row, definition, signal: controller.signal };
    const entry: {
      controller: AbortController;
      context: RunContext;
      cancel?: () => Promise<void>;
    } = { controller, context };
    this.#driving.set(runId, entry);
    const heartbeat = setInterval(
      () => {
        renewLeases(this.pool, this.owner, [runId], this.leaseMs)
          .then((rows) => {
            if (rows.length === 0 && !context.lost) {
              // Another process took the run over (this one stalled past its lease): stop here
              // and write nothing more; the new driver owns the run's records.
              this.logger.warn(`workflow run ${runId}: lease lost to another process, stopping`);
              context.lost = true;
            }
            if ((context.lost || rows[0]?.cancel_requested) && !controller.signal.aborted) {
              controller.abort();
              void entry.cancel?.().catch(() => undefined);
            }
          })
          .catch((error: Error) =>
            this.logger.warn(`lease renewal of ${runId} failed: ${error.message}`),
          );
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
    try {
      if (row.status === 'compensating') return await finishSaga(this, context);
      if (row.cancel_requested && (row.status === 'waiting' || !row.mastra_run_id || resume))
        return await finishCancel(this, context);
      const compiled = await this.compiled(row.definition_id, row.version);
      let result: { status: string; error?: unknown };
      if (resume && row.mastra_run_id) {
        await setRunStatus(this.pool, runId, 'running');
        await appendRunEvent(this.pool, runId, 'run.resumed', { step: resume.stepId });
        const run = await compiled.workflow.createRun({ runId: row.mastra_run_id });
        entry.cancel = () => run.cancel();
        result = await run.resume({
          step: compiled.paths.get(resume.stepId) as never,
          resumeData: resume.data,
        });
      } else {
        const mastraRunId = randomUUID();
        await setMastraRun(this.pool, runId, mastraRunId);
        await appendRunEvent(this.pool, runId, 'run.started', {
          attempt: row.attempt,
          version: row.version,
          mastraRunId,
        });
        const run = await compiled.workflow.createRun({ runId: mastraRunId });
        entry.cancel = () => run.cancel();
        result = await run.start({ inputData: { runId } });
      }
      return await settleRun(this, context, result);
    } finally {
      clearInterval(heartbeat);
      this.#driving.delete(runId);
      this.forks.drop(runId);
    }
  }

  /** Stop a run driven by this process now (the flag reaches other processes at their renewal). */
  async cancelLocal(runId: string): Promise<boolean> {
    const entry = this.#driving.get(runId);
    if (!entry) return false;
    entry.controller.abort();
    await entry.cancel?.().catch(() => undefined);
    return true;
  }

  /** A sub-workflow step: a child run (one per parent step, by key), waited for. */
  async runChild(
    definitionId: string,
    input: unknown,
    key: string,
    signal: AbortSignal,
  ): Promise<unknown> {
    const { run } = await this.startRun(definitionId, input, {
      idempotencyKey: `child:${key}`,
      trigger: { type: 'parent', key },
    });
    for (;;) {
      if (signal.aborted) throw new StepCancelled();
      const child = await selectRun(this.pool, run.id);
      if (child?.status === 'completed') return child.output;
      if (child?.status === 'failed' || child?.status === 'cancelled')
        throw new StepError(
          'permanent',
          `sub-workflow ${definitionId} (${run.id}) ${child.status}: ${child.error?.message ?? ''}`,
        );
      await sleep(50);
    }
  }

  /** Runs driven here and now. */
  get driving(): string[] {
    return [...this.#driving.keys()];
  }

  /** Stop taking work; wait (up to `graceMs`) for the drives in flight. */
  async close(graceMs = 5_000): Promise<void> {
    this.#closed = true;
    await Promise.race([Promise.allSettled([...this.#inflight]), sleep(graceMs)]);
  }
}
