import { findStep } from './find-step.ts';
import { renderMapping } from './expression/template.ts';
import { runSaga, type SagaDeps } from './saga.ts';
import { scopeOf } from './scope.ts';
import { cancelOpenHumanTasks } from '../db/definitions/cancel-open-human-tasks.ts';
import { appendRunEvent } from '../db/definitions/append-run-event.ts';
import { finishStep } from '../db/definitions/finish-step.ts';
import { releaseLease } from '../db/definitions/release-lease.ts';
import { selectRun } from '../db/definitions/select-run.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import { setRunStatus } from '../db/definitions/set-run-status.ts';
import type { RunRow } from '../db/definitions/types.ts';
import type { RunContext } from './step-runner.ts';

/** What settling a run needs from the engine. */
export interface SettleEngine extends SagaDeps {
  owner: string;
  logger: { warn(message: string): void };
  onRunFailed: ((run: RunRow) => Promise<void>) | undefined;
}

/**
 * A Mastra run ended (or stopped): record the outcome. Completed → the output mapping; suspended →
 * waiting, the lease let go; failed → the saga when the failed step says `compensate`, then failed
 * (and the `workflow-run.failed` triggers); cancel asked → cancelled (compensated when the
 * definition says so).
 */
export async function settleRun(
  engine: SettleEngine,
  context: RunContext,
  result: { status: string; error?: unknown },
): Promise<RunRow | undefined> {
  const { row, definition } = context;
  const fresh = await selectRun(engine.pool, row.id);
  if (context.lost) return fresh;
  if (context.signal.aborted || fresh?.cancel_requested) return finishCancel(engine, context);
  const results = await selectStepResults(engine.pool, row.id);
  if (result.status === 'success') {
    const last = results
      .filter((r) => r.status === 'completed' && r.kind !== 'branch')
      .sort((a, b) => Number(b.completed_seq) - Number(a.completed_seq))[0];
    const output =
      definition.output === undefined
        ? (last?.output ?? null)
        : renderMapping(definition.output, scopeOf(fresh ?? row, results, {}));
    await appendRunEvent(engine.pool, row.id, 'run.completed', {});
    return setRunStatus(engine.pool, row.id, 'completed', { output });
  }
  if (result.status === 'suspended') {
    const waiting = await setRunStatus(engine.pool, row.id, 'waiting');
    await releaseLease(engine.pool, row.id, engine.owner);
    await appendRunEvent(engine.pool, row.id, 'run.waiting', {
      steps: results.filter((r) => r.status === 'waiting').map((r) => r.step_id),
    });
    return waiting;
  }
  const failedStep = results
    .filter((r) => r.status === 'failed' && r.kind !== 'branch')
    .sort(
      (a, b) => Number(b.finished_at?.getTime() ?? 0) - Number(a.finished_at?.getTime() ?? 0),
    )[0];
  const error = {
    message:
      failedStep?.error?.message ??
      String((result.error as Error)?.message ?? result.error ?? `run ${result.status}`),
    ...(failedStep ? { step: failedStep.step_id, class: failedStep.error_class ?? undefined } : {}),
  };
  const compensate =
    failedStep &&
    findStep(definition.steps, failedStep.step_id)?.onError?.strategy === 'compensate';
  if (compensate) {
    // Still leased: a process killed during the saga leaves it to a survivor.
    await setRunStatus(engine.pool, row.id, 'compensating', { error });
    return finishSaga(engine, { ...context, row: { ...row, error } });
  }
  await setRunStatus(engine.pool, row.id, 'failed', { error });
  await appendRunEvent(engine.pool, row.id, 'run.failed', error);
  const failed = await selectRun(engine.pool, row.id);
  if (failed)
    await engine
      .onRunFailed?.(failed)
      .catch((e: Error) => engine.logger.warn(`run.failed triggers: ${e.message}`));
  return failed;
}

/** Run (or finish) the saga of a compensating run, then end it failed (or cancelled). */
export async function finishSaga(
  engine: SettleEngine,
  context: RunContext,
): Promise<RunRow | undefined> {
  const { row, definition } = context;
  const current = (await selectRun(engine.pool, row.id)) ?? row;
  const outcome = await runSaga(
    engine,
    current,
    definition,
    current.error?.step,
    new AbortController().signal,
  );
  const status = current.cancel_requested ? 'cancelled' : 'failed';
  await appendRunEvent(engine.pool, row.id, `run.${status}`, {
    ...(current.error ?? {}),
    compensation: outcome,
  });
  const ended = await setRunStatus(engine.pool, row.id, status, {
    error: { ...(current.error ?? { message: 'cancelled' }), compensation: outcome },
  });
  if (ended?.status === 'failed') await engine.onRunFailed?.(ended).catch(() => undefined);
  return ended;
}

/** End a run whose cancel was asked: open steps and tasks cancelled, compensated if configured. */
export async function finishCancel(
  engine: SettleEngine,
  context: RunContext,
): Promise<RunRow | undefined> {
  const { row, definition } = context;
  for (const r of await selectStepResults(engine.pool, row.id))
    if (r.status === 'running' || r.status === 'waiting')
      await finishStep(engine.pool, row.id, r.step_id, {
        kind: r.kind,
        status: 'cancelled',
        tries: r.tries,
      });
  await cancelOpenHumanTasks(engine.pool, row.id);
  if (definition.onCancel === 'compensate') {
    await setRunStatus(engine.pool, row.id, 'compensating', { error: { message: 'cancelled' } });
    return finishSaga(engine, { ...context, row: { ...row, cancel_requested: true } });
  }
  await appendRunEvent(engine.pool, row.id, 'run.cancelled', {});
  return setRunStatus(engine.pool, row.id, 'cancelled', { error: { message: 'cancelled' } });
}
