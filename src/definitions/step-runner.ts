import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Carrier, Enclosing, StepContext, StepHooks } from './compile.ts';
import type { Forks } from './coordinator.ts';
import { test } from './expression/evaluate.ts';
import { renderMapping } from './expression/template.ts';
import { breakerKeyOf, idempotencyKeyOf, type KindDeps, runLeaf } from './kinds.ts';
import { type BreakerOptions, retryPolicyOf, runWithPolicy } from './policy.ts';
import type { BranchStep, Definition, LeafStep, ParallelStep, Step } from './schema.ts';
import { scopeOf } from './scope.ts';
import { appendRunEvent } from '../db/definitions/append-run-event.ts';
import { finishStep } from '../db/definitions/finish-step.ts';
import { insertEventWait } from '../db/definitions/insert-event-wait.ts';
import { insertHumanTask } from '../db/definitions/insert-human-task.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import { startStep } from '../db/definitions/start-step.ts';
import type { RunRow, StepResultRow } from '../db/definitions/types.ts';
import { StepCancelled, StepError } from './step-error.ts';

/** A run as the process driving it sees it. */
export interface RunContext {
  row: RunRow;
  definition: Definition;
  /** Aborted when the run is cancelled (or this process lost its lease). */
  signal: AbortSignal;
  /** This process lost the run's lease to another: it writes nothing more. */
  lost?: boolean;
}

/** What the step runner needs from the engine. */
export interface EngineCore {
  pool: pg.Pool;
  secrets: Record<string, string>;
  breaker: BreakerOptions;
  forks: Forks;
  deps: KindDeps;
  runContext(runId: string): Promise<RunContext>;
}

/** What a suspended step is resumed with. */
export type ResumePayload =
  | { type: 'task'; taskId: string; answer: unknown }
  | {
      type: 'escalation';
      taskId: string;
      answer: { action: 'retry' | 'skip' | 'fail' | 'complete'; output?: unknown };
    }
  | { type: 'event'; payload?: unknown; timedOut?: boolean };

const done = new Set(['completed', 'skipped', 'cancelled']);

/** The step runner: what every compiled step does (records, policies, suspend, fork-join). */
export function stepHooks(core: EngineCore): StepHooks {
  const { pool } = core;
  const event = (runId: string, type: string, data: Record<string, unknown>) =>
    appendRunEvent(pool, runId, type, data);
  const results = async (runId: string) =>
    new Map((await selectStepResults(pool, runId)).map((r) => [r.step_id, r]));
  const end = (
    runId: string,
    step: Step | { id: string; kind: string },
    status: 'completed' | 'failed' | 'skipped' | 'cancelled',
    extra: { output?: unknown; error?: string; errorClass?: string; tries?: number } = {},
  ) =>
    finishStep(pool, runId, step.id, {
      kind: step.kind,
      status,
      tries: extra.tries ?? 0,
      ...extra,
    }).then(() =>
      event(runId, `step.${status}`, {
        step: step.id,
        ...(extra.error ? { error: extra.error, class: extra.errorClass } : {}),
        ...(extra.tries ? { tries: extra.tries } : {}),
      }),
    );

  /** The innermost fork around a step, if any. */
  const innermostFork = (enclosing: Enclosing[]) =>
    [...enclosing]
      .reverse()
      .find((e): e is Extract<Enclosing, { kind: 'parallel' }> => e.kind === 'parallel');

  /** Skipped control step or stopped branch around the step: it must not run. */
  function blocked(
    runId: string,
    enclosing: Enclosing[],
    seen: Map<string, StepResultRow>,
  ): 'skipped' | 'cancelled' | undefined {
    for (const e of enclosing) {
      if (seen.get(e.step.id)?.status === 'skipped') return 'skipped';
      if (e.kind === 'parallel') {
        const branch = seen.get(e.branchId)?.status;
        if (branch === 'failed' || branch === 'cancelled') return 'cancelled';
        if (!core.forks.get(runId, e.step).isOpen(e.branchId)) return 'cancelled';
      }
    }
    return undefined;
  }

  function signalFor(run: RunContext, enclosing: Enclosing[], ctx: StepContext): AbortSignal {
    const signals = [run.signal, ctx.abortSignal];
    for (const e of enclosing)
      if (e.kind === 'parallel')
        signals.push(core.forks.get(run.row.id, e.step).signal(e.branchId));
    return AbortSignal.any(signals.filter(Boolean));
  }

  /** A branch of a fork failed: record it; with `onBranchError: fail` the fork stops its other branches. */
  async function branchFailed(
    runId: string,
    at: Extract<Enclosing, { kind: 'parallel' }>,
    error: string,
  ) {
    core.forks.get(runId, at.step).settle(at.branchId);
    await finishStep(pool, runId, at.branchId, {
      kind: 'branch',
      status: 'failed',
      error,
      tries: 1,
    });
    await event(runId, 'branch.failed', { fork: at.step.id, branch: at.branchId, error });
    if (at.step.onBranchError === 'fail') await closeFork(runId, at.step, [at.branchId]);
  }

  async function closeFork(runId: string, step: ParallelStep, except: string[]) {
    const stopped = core.forks.get(runId, step).close(except);
    for (const id of stopped) {
      await finishStep(pool, runId, id, { kind: 'branch', status: 'cancelled', tries: 0 });
      await event(runId, 'branch.cancelled', { fork: step.id, branch: id });
    }
  }

  async function failed(
    step: Step,
    enclosing: Enclosing[],
    ctx: StepContext,
    run: RunContext,
    error: unknown,
    noEscalate = false,
  ): Promise<unknown> {
    const runId = run.row.id;
    const tries = (error as { tries?: number }).tries ?? 1;
    if (run.lost) throw new StepCancelled('lease lost');
    if (error instanceof StepCancelled || run.signal.aborted) {
      await end(runId, step, 'cancelled', { tries });
      const fork = innermostFork(enclosing);
      if (!run.signal.aborted && fork && !core.forks.get(runId, fork.step).isOpen(fork.branchId))
        return carrier(runId);
      throw error instanceof StepCancelled ? error : new StepCancelled();
    }
    const e =
      error instanceof StepError
        ? error
        : new StepError('system', String((error as Error)?.message ?? error));
    const strategy =
      noEscalate && step.onError?.strategy === 'escalate'
        ? 'fail'
        : (step.onError?.strategy ?? 'fail');
    if (strategy === 'skip') {
      await end(runId, step, 'skipped', { error: e.message, errorClass: e.errorClass, tries });
      return carrier(runId);
    }
    if (strategy === 'escalate') {
      const task = await insertHumanTask(pool, {
        id: `wt_${randomBytes(12).toString('hex')}`,
        runId,
        stepId: step.id,
        kind: 'escalation',
        title: `Step "${step.id}" failed (${e.errorClass}): retry, skip, fail or complete it`,
        assignee: step.onError?.escalateTo ?? 'operator',
        details: { error: e.message, class: e.errorClass, tries },
      });
      await startStep(pool, runId, step.id, step.kind, 'waiting');
      await event(runId, 'step.escalated', {
        step: step.id,
        task: task.id,
        error: e.message,
        class: e.errorClass,
      });
      return ctx.suspend({ type: 'escalation', taskId: task.id });
    }
    await end(runId, step, 'failed', { error: e.message, errorClass: e.errorClass, tries });
    const fork = innermostFork(enclosing);
    if (fork) {
      await branchFailed(runId, fork, `${step.id}: ${e.message}`);
      return carrier(runId);
    }
    throw e;
  }

  async function leaf(step: LeafStep, enclosing: Enclosing[], ctx: StepContext): Promise<unknown> {
    const runId = ctx.inputData.runId;
    const run = await core.runContext(runId);
    const seen = await results(runId);
    const prior = seen.get(step.id);
    if (prior && done.has(prior.status)) return carrier(runId);
    const stop = blocked(runId, enclosing, seen);
    if (stop) {
      await end(runId, step, stop);
      return carrier(runId);
    }
    const scope = scopeOf(run.row, [...seen.values()], core.secrets);
    const resume = ctx.resumeData as ResumePayload | undefined;
    if (!resume && step.when && !test(step.when, scope)) {
      await end(runId, step, 'skipped');
      return carrier(runId);
    }
    if (resume?.type === 'task') {
      await end(runId, step, 'completed', { output: resume.answer, tries: 1 });
      return carrier(runId);
    }
    if (resume?.type === 'escalation') {
      const { action, output } = resume.answer;
      await event(runId, 'step.escalation-answered', { step: step.id, action });
      if (action === 'skip')
        return end(runId, step, 'skipped', { error: prior?.error?.message }).then(() =>
          carrier(runId),
        );
      if (action === 'complete')
        return end(runId, step, 'completed', { output: output ?? null, tries: 1 }).then(() =>
          carrier(runId),
        );
      if (action === 'fail')
        return failed(
          step,
          enclosing,
          ctx,
          run,
          new StepError(
            'business',
            `escalation answered "fail"${prior?.error ? `: ${prior.error.message}` : ''}`,
          ),
          true,
        );
    }
    if (step.kind === 'human') {
      const task = await insertHumanTask(pool, {
        id: `wt_${randomBytes(12).toString('hex')}`,
        runId,
        stepId: step.id,
        kind: 'task',
        title: step.title ?? step.name ?? step.id,
        assignee: step.assignee,
        details: renderMapping(step.details ?? null, scope),
        escalateAfterMs: step.escalation?.afterMs,
        escalateTo: step.escalation?.escalateTo,
      });
      await startStep(pool, runId, step.id, step.kind, 'waiting');
      await event(runId, 'task.created', { step: step.id, task: task.id, assignee: task.assignee });
      return ctx.suspend({ type: 'task', taskId: task.id });
    }
    if (step.kind === 'event') {
      const wait =
        resume?.type === 'event'
          ? { status: resume.timedOut ? 'timed_out' : 'matched', payload: resume.payload }
          : await insertEventWait(pool, {
              runId,
              stepId: step.id,
              event: step.event,
              timeoutMs: step.timeoutMs,
            });
      if (wait.status === 'matched')
        return end(runId, step, 'completed', { output: wait.payload, tries: 1 }).then(() =>
          carrier(runId),
        );
      if (wait.status === 'timed_out')
        return failed(
          step,
          enclosing,
          ctx,
          run,
          new StepError('transient', `no "${step.event}" event within ${step.timeoutMs} ms`),
        );
      await startStep(pool, runId, step.id, step.kind, 'waiting');
      await event(runId, 'step.waiting', { step: step.id, event: step.event });
      return ctx.suspend({ type: 'event', event: step.event });
    }
    await startStep(pool, runId, step.id, step.kind);
    await event(runId, 'step.started', { step: step.id, kind: step.kind });
    try {
      const { output, tries } = await runWithPolicy({
        policy: retryPolicyOf(step, run.definition.defaults?.retry),
        timeoutMs: step.timeoutMs ?? run.definition.defaults?.timeoutMs,
        signal: signalFor(run, enclosing, ctx),
        pool,
        breakerKey: breakerKeyOf(step, scope),
        breaker: core.breaker,
        onRetry: (attempt, error, delayMs) =>
          event(runId, 'step.retrying', {
            step: step.id,
            attempt,
            error: error.message,
            class: error.errorClass,
            delayMs,
          }),
        work: (signal) =>
          runLeaf(step, scope, signal, core.deps, idempotencyKeyOf(run.row, step.id)),
      });
      await end(runId, step, 'completed', { output, tries });
      return carrier(runId);
    } catch (error) {
      return failed(step, enclosing, ctx, run, error);
    }
  }

  return {
    leaf,
    async fork(step, enclosing, ctx) {
      const runId = ctx.inputData.runId;
      const run = await core.runContext(runId);
      const seen = await results(runId);
      if (seen.get(step.id) && done.has(seen.get(step.id)!.status)) return carrier(runId);
      const scope = scopeOf(run.row, [...seen.values()], core.secrets);
      if (blocked(runId, enclosing, seen) || (step.when && !test(step.when, scope))) {
        await end(runId, step, 'skipped');
        return carrier(runId);
      }
      core.forks.get(runId, step);
      await startStep(pool, runId, step.id, step.kind);
      await event(runId, 'step.started', {
        step: step.id,
        kind: step.kind,
        branches: step.branches.map((b) => b.id),
      });
      return carrier(runId);
    },
    async branchEnd(fork, branchId, _enclosing, ctx) {
      const runId = ctx.inputData.runId;
      const seen = await results(runId);
      if (seen.get(fork.id)?.status === 'skipped' || seen.get(branchId)) return carrier(runId);
      const f = core.forks.get(runId, fork);
      if (!f.isOpen(branchId)) return carrier(runId);
      f.settle(branchId);
      await finishStep(pool, runId, branchId, { kind: 'branch', status: 'completed', tries: 1 });
      await event(runId, 'branch.completed', { fork: fork.id, branch: branchId });
      const after = await results(runId);
      const completed = fork.branches
        .filter((b) => after.get(b.id)?.status === 'completed')
        .map((b) => b.id);
      const failedN = fork.branches.filter((b) => after.get(b.id)?.status === 'failed').length;
      if (fork.join !== 'all' && completed.length >= f.needed(failedN))
        await closeFork(runId, fork, completed);
      return carrier(runId);
    },
    async join(step, enclosing, ctx) {
      const runId = ctx.inputData.runId;
      const run = await core.runContext(runId);
      const seen = await results(runId);
      const own = seen.get(step.id);
      if (own && done.has(own.status)) return carrier(runId);
      const completed = step.branches.filter((b) => seen.get(b.id)?.status === 'completed');
      const failedN = step.branches.filter((b) => seen.get(b.id)?.status === 'failed').length;
      const needed = core.forks.get(runId, step).needed(failedN);
      const branches = Object.fromEntries(
        step.branches.map((b) => [b.id, seen.get(b.id)?.status ?? 'not run']),
      );
      core.forks.drop(runId);
      if (completed.length >= needed && !(step.onBranchError === 'fail' && failedN > 0)) {
        await end(runId, step, 'completed', { output: { branches }, tries: 1 });
        return carrier(runId);
      }
      return (await failed(
        step,
        enclosing,
        ctx,
        run,
        new StepError(
          'business',
          `join needs ${needed} of ${step.branches.length} branches; ${completed.length} completed (${JSON.stringify(branches)})`,
        ),
      )) as Carrier;
    },
    async decide(step: BranchStep, enclosing, ctx) {
      const runId = ctx.inputData.runId;
      const run = await core.runContext(runId);
      const seen = await results(runId);
      const own = seen.get(step.id);
      if (own?.status === 'completed')
        return { runId, arm: (own.output as { arm: 'true' | 'false' }).arm };
      const scope = scopeOf(run.row, [...seen.values()], core.secrets);
      if (
        own?.status === 'skipped' ||
        blocked(runId, enclosing, seen) ||
        (step.when && !test(step.when, scope))
      ) {
        if (!own) await end(runId, step, 'skipped');
        return { runId, arm: 'false' };
      }
      const arm = test(step.condition, scope) ? 'true' : 'false';
      await end(runId, step, 'completed', { output: { arm, condition: step.condition }, tries: 1 });
      return { runId, arm };
    },
  };
}

const carrier = (runId: string): Carrier => ({ runId });
