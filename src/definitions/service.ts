import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.ts';
import { AppError } from '../errors/app-error.ts';
import { definitionAnalytics } from './analytics.ts';
import { workflowIdOf } from './compile.ts';
import { DefinitionEngine } from './engine.ts';
import type { BreakerOptions } from './policy.ts';
import { forksAround } from './find-step.ts';
import { definitionAgentNames, definitionTools } from './registry.ts';
import { type Definition, definitionSchema } from './schema.ts';
import { subWorkflowCycles, subWorkflowsOf } from './sub-workflow-cycles.ts';
import { answerHumanTask } from '../db/definitions/answer-human-task.ts';
import { insertDefinition } from '../db/definitions/insert-definition.ts';
import { insertVersion } from '../db/definitions/insert-version.ts';
import { listCompensations } from '../db/definitions/list-compensations.ts';
import { listDefinitions } from '../db/definitions/list-definitions.ts';
import { listHumanTasks } from '../db/definitions/list-human-tasks.ts';
import { listRegistrableVersions } from '../db/definitions/list-registrable-versions.ts';
import { listLatestSpecs } from '../db/definitions/latest-specs.ts';
import { listRunEvents } from '../db/definitions/list-run-events.ts';
import { listRuns } from '../db/definitions/list-runs.ts';
import { listVersions } from '../db/definitions/list-versions.ts';
import { requestCancel } from '../db/definitions/request-cancel.ts';
import { restartRun } from '../db/definitions/restart-run.ts';
import { selectDefinition } from '../db/definitions/select-definition.ts';
import { selectHumanTask } from '../db/definitions/select-human-task.ts';
import { selectRun } from '../db/definitions/select-run.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import { selectVersion } from '../db/definitions/select-version.ts';
import { setDefinitionStatus } from '../db/definitions/set-definition-status.ts';
import { syncSchedules } from '../db/definitions/sync-schedules.ts';
import type { DefinitionRow, HumanTaskRow, RunRow } from '../db/definitions/types.ts';
import { deliverEvent, deliverWebhook, runFailedTrigger, tick } from './triggers.ts';
import { type Problem, type Validation, validateDefinition } from './validate.ts';

export interface DefinitionServiceOptions {
  mastra: Mastra;
  pool: pg.Pool;
  logger: IMastraLogger;
  timeScale: number;
  secrets: Record<string, string>;
  breaker?: BreakerOptions;
}

const notFound = (what: string) => new AppError('NOT_FOUND', what, { field: 'id' });

/** 400 naming every problem: `field` the first one's path, `details.problems` all of them. */
export function invalidDefinition(problems: Problem[]): AppError {
  const first = problems[0]!;
  return new AppError('VALIDATION_ERROR', `${first.path}: ${first.message}`, {
    field: first.path,
    details: { problems },
  });
}

const summary = (row: DefinitionRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  status: row.status,
  latestVersion: row.latest_version,
  workflowId: workflowIdOf(row.id, row.latest_version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const runView = (row: RunRow) => ({
  id: row.id,
  definition: row.definition_id,
  version: row.version,
  status: row.status,
  attempt: row.attempt,
  trigger: row.trigger,
  input: row.input,
  output: row.output,
  error: row.error,
  cancelRequested: row.cancel_requested,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const taskView = (t: HumanTaskRow) => ({
  id: t.id,
  runId: t.run_id,
  step: t.step_id,
  kind: t.kind,
  title: t.title,
  assignee: t.assignee,
  details: t.details,
  status: t.status,
  answer: t.answer,
  escalateAt: t.escalate_at,
  escalatedAt: t.escalated_at,
  createdAt: t.created_at,
  answeredAt: t.answered_at,
});

/**
 * User-defined workflows: definitions (validated, versioned, registered on Mastra), their runs
 * (start, status, events, cancel, retry), human tasks, events, webhooks, schedules and analytics.
 */
export class DefinitionService {
  readonly engine: DefinitionEngine;
  readonly #pool: pg.Pool;
  #ticker: NodeJS.Timeout | undefined;
  #ticking: Promise<void> = Promise.resolve();

  constructor(options: DefinitionServiceOptions) {
    this.#pool = options.pool;
    this.engine = new DefinitionEngine(options);
    this.engine.onRunFailed = runFailedTrigger(this.engine);
  }

  /** Validate without storing: every problem with its path. */
  async validate(input: unknown): Promise<Validation> {
    const ids = new Set((await listDefinitions(this.#pool)).map((d) => d.id));
    const result = validateDefinition(input, {
      agents: definitionAgentNames,
      tools: Object.keys(definitionTools),
      workflows: (id) => ids.has(id),
    });
    if (!result.ok || subWorkflowsOf(result.definition.steps).length === 0) return result;
    const stored = new Map(
      (await listLatestSpecs(this.#pool)).map((r) => {
        const parsed = definitionSchema.safeParse(r.spec);
        return [r.id, parsed.success ? subWorkflowsOf(parsed.data.steps).map((s) => s.id) : []];
      }),
    );
    const cycles = subWorkflowCycles(result.definition, stored);
    return cycles.length ? { ok: false, problems: cycles } : result;
  }

  async #valid(input: unknown): Promise<Definition> {
    const result = await this.validate(input);
    if (!result.ok) throw invalidDefinition(result.problems);
    return result.definition;
  }

  #crons(definition: Definition) {
    return definition.triggers.flatMap((t) =>
      t.type === 'cron' ? [{ cron: t.cron, input: t.input ?? {} }] : [],
    );
  }

  /** Store a new definition as version 1 and register it on Mastra. */
  async create(input: unknown) {
    const definition = await this.#valid(input);
    const row = await withTransaction(this.#pool, async (client) => {
      const created = await insertDefinition(client, {
        id: definition.id,
        name: definition.name ?? definition.id,
        description: definition.description ?? null,
        spec: input,
      });
      if (!created)
        throw new AppError(
          'CONFLICT',
          `workflow definition "${definition.id}" exists: post a new version to /api/workflow-definitions/${definition.id}/versions`,
          { field: 'id' },
        );
      await syncSchedules(client, definition.id, this.#crons(definition));
      return created;
    });
    await this.engine.compiled(row.id, 1);
    return summary(row);
  }

  /** Store the next version; runs already started keep theirs. */
  async addVersion(id: string, input: unknown) {
    const body =
      input && typeof input === 'object'
        ? { ...(input as object), id: (input as { id?: unknown }).id ?? id }
        : input;
    const definition = await this.#valid(body);
    if (definition.id !== id)
      throw new AppError(
        'VALIDATION_ERROR',
        `id: "${definition.id}" is not the definition "${id}" of the path`,
        { field: 'id' },
      );
    const row = await withTransaction(this.#pool, async (client) => {
      const head = await insertVersion(client, {
        id,
        name: definition.name ?? id,
        description: definition.description ?? null,
        spec: body,
      });
      if (!head) throw notFound(`no workflow definition "${id}"`);
      await syncSchedules(client, id, this.#crons(definition));
      return head;
    });
    await this.engine.compiled(id, row.latest_version);
    return summary(row);
  }

  async list() {
    return (await listDefinitions(this.#pool)).map(summary);
  }

  /** A definition with its latest (or the given) version's spec and its version list. */
  async get(id: string, version?: number) {
    const head = await selectDefinition(this.#pool, id);
    if (!head) throw notFound(`no workflow definition "${id}"`);
    const v = await selectVersion(this.#pool, id, version ?? head.latest_version);
    if (!v)
      throw new AppError('NOT_FOUND', `no version ${version} of "${id}"`, { field: 'version' });
    return {
      ...summary(head),
      version: v.version,
      spec: v.spec,
      versions: (await listVersions(this.#pool, id)).map((r) => ({
        version: r.version,
        createdAt: r.created_at,
      })),
    };
  }

  async deprecate(id: string) {
    const row = await setDefinitionStatus(this.#pool, id, 'deprecated');
    if (!row) throw notFound(`no workflow definition "${id}"`);
    await syncSchedules(this.#pool, id, []);
    return summary(row);
  }

  async startRun(id: string, input: unknown, idempotencyKey?: string) {
    const { run, duplicate } = await this.engine.startRun(id, input, {
      trigger: { type: 'api' },
      ...(idempotencyKey ? { idempotencyKey: `api:${id}:${idempotencyKey}` } : {}),
    });
    return {
      id: run.id,
      status: run.status,
      version: run.version,
      ...(duplicate ? { duplicate } : {}),
    };
  }

  async runs(definitionId: string) {
    return (await listRuns(this.#pool, definitionId)).map(runView);
  }

  /** Status, current steps, every step's result, the saga's progress, the human tasks. */
  async getRun(runId: string) {
    const row = await selectRun(this.#pool, runId);
    if (!row) throw notFound(`no workflow run ${runId}`);
    const steps = await selectStepResults(this.#pool, runId);
    return {
      ...runView(row),
      currentSteps: steps
        .filter((s) => s.status === 'running' || s.status === 'waiting')
        .map((s) => s.step_id),
      steps: steps.map((s) => ({
        step: s.step_id,
        kind: s.kind,
        status: s.status,
        output: s.output,
        error: s.error?.message ?? null,
        errorClass: s.error_class,
        tries: s.tries,
        startedAt: s.started_at,
        finishedAt: s.finished_at,
        durationMs: s.duration_ms,
      })),
      compensations: (await listCompensations(this.#pool, runId)).map((c) => ({
        step: c.step_id,
        compensation: c.compensation_id,
        status: c.status,
        tries: c.tries,
        error: c.error,
      })),
      tasks: (await listHumanTasks(this.#pool, { runId })).map(taskView),
    };
  }

  async events(runId: string, after = 0) {
    return (await listRunEvents(this.#pool, runId, after)).map((e) => ({
      seq: Number(e.seq),
      type: e.type,
      data: e.data,
      at: e.at,
    }));
  }

  /** Ask a run to stop: a running step is aborted; compensation runs when the definition says so. */
  async cancel(runId: string) {
    const row = await requestCancel(this.#pool, runId);
    if (!row) {
      const existing = await selectRun(this.#pool, runId);
      if (!existing) throw notFound(`no workflow run ${runId}`);
      throw new AppError(
        'CONFLICT',
        `workflow run ${runId} is ${existing.status}: nothing to cancel`,
      );
    }
    if (!(await this.engine.cancelLocal(runId))) void this.engine.spawn(runId);
    return { id: runId, status: row.status, cancelRequested: true };
  }

  /**
   * Run a failed or cancelled run again as its next attempt: completed steps are kept, except those
   * its saga undid; the rest run anew (with idempotency keys of the new attempt).
   */
  async retry(runId: string) {
    const existing = await selectRun(this.#pool, runId);
    if (!existing) throw notFound(`no workflow run ${runId}`);
    const definition = await this.engine.definition(existing.definition_id, existing.version);
    const row = await withTransaction(this.#pool, (client) =>
      restartRun(
        client,
        runId,
        this.engine.owner,
        this.engine.leaseMs,
        forksAround(definition.steps),
      ),
    );
    if (!row) {
      throw new AppError(
        'CONFLICT',
        `workflow run ${runId} is ${existing.status}: only failed or cancelled runs are retried`,
      );
    }
    void this.engine.spawn(runId);
    return { id: row.id, status: row.status, attempt: row.attempt };
  }

  async tasks(filter: { runId?: string; status?: string }) {
    return (await listHumanTasks(this.#pool, filter)).map(taskView);
  }

  /** Answer a human task (an approval, or an escalation: `{ action: retry|skip|fail|complete }`). */
  async answerTask(taskId: string, answer: unknown) {
    const task = await selectHumanTask(this.#pool, taskId);
    if (!task) throw notFound(`no human task ${taskId}`);
    if (task.kind === 'escalation') {
      const action = (answer as { action?: unknown })?.action;
      if (!['retry', 'skip', 'fail', 'complete'].includes(String(action)))
        throw new AppError('VALIDATION_ERROR', 'action: expected retry, skip, fail or complete', {
          field: 'action',
        });
    }
    const answered = await answerHumanTask(this.#pool, taskId, answer);
    if (!answered) throw new AppError('CONFLICT', `human task ${taskId} is ${task.status}`);
    void this.engine.spawn(task.run_id, {
      stepId: task.step_id,
      data: { type: task.kind, taskId, answer },
    });
    return taskView(answered);
  }

  emitEvent(name: string, payload: unknown, id?: string) {
    return deliverEvent(this.engine, name, payload, id ? { id } : {});
  }

  webhook(definitionId: string, payload: unknown, delivery: string) {
    return deliverWebhook(this.engine, definitionId, payload, delivery);
  }

  async analytics(id: string) {
    const head = await selectDefinition(this.#pool, id);
    if (!head) throw notFound(`no workflow definition "${id}"`);
    const latest = await this.engine.definition(id, head.latest_version);
    return definitionAnalytics(this.#pool, id, latest);
  }

  /** Compile and register on Mastra every version a process needs (boot): Studio lists them. */
  async registerStored(): Promise<number> {
    const versions = await listRegistrableVersions(this.#pool);
    let registered = 0;
    for (const v of versions) {
      // One version that no longer compiles (e.g. an agent removed since) must not stop the process.
      try {
        await this.engine.compiled(v.definition_id, v.version);
        registered++;
      } catch (error) {
        this.engine.logger.error(
          `workflow definition ${v.definition_id} v${v.version} not registered: ${(error as Error).message}`,
        );
      }
    }
    return registered;
  }

  /** Start the background pass (schedules, timeouts, escalations, takeover); scaled by TIME_SCALE. */
  startBackground(): void {
    if (this.#ticker) return;
    const every = Math.min(1_000, Math.max(100, Math.round(5_000 * this.engine.timeScale)));
    // Jittered, so that processes ticking together take turns at firing (either may; one does).
    const next = () => {
      this.#ticker = setTimeout(
        () => {
          this.#ticking = this.#ticking
            .then(() => tick(this.engine))
            .catch((error: Error) =>
              this.engine.logger.warn(`workflow definitions tick: ${error.message}`),
            )
            .finally(() => {
              if (this.#ticker) next();
            });
        },
        Math.round(every * (0.7 + 0.6 * Math.random())),
      );
      this.#ticker.unref();
    };
    next();
  }

  async close(): Promise<void> {
    clearTimeout(this.#ticker);
    this.#ticker = undefined;
    await this.#ticking;
    await this.engine.close();
  }
}
