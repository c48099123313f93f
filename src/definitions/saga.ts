import type pg from 'pg';
import { idempotencyKeyOf, type KindDeps, runLeaf } from './kinds.ts';
import { type BreakerOptions, runWithPolicy } from './policy.ts';
import type { Definition, RetryPolicy } from './schema.ts';
import { scopeOf } from './scope.ts';
import { appendRunEvent } from '../db/definitions/append-run-event.ts';
import { listCompensations } from '../db/definitions/list-compensations.ts';
import { markCompensation } from '../db/definitions/mark-compensation.ts';
import { planCompensations } from '../db/definitions/plan-compensations.ts';
import { selectStepResults } from '../db/definitions/select-step-results.ts';
import type { RunRow } from '../db/definitions/types.ts';

/** Compensations are retried unless they say otherwise: undoing must not give up on a blip. */
const compensationRetry: RetryPolicy = {
  maxAttempts: 5,
  backoff: 'exponential',
  delayMs: 100,
  maxDelayMs: 5_000,
  jitter: 0.2,
  retryOn: ['transient', 'system'],
};

export interface SagaDeps {
  pool: pg.Pool;
  secrets: Record<string, string>;
  breaker: BreakerOptions;
  deps: KindDeps;
}

/**
 * The saga plan of a run: the failing step's own compensation (`onError.compensate`) first, then the
 * compensation of every completed step, in reverse order of completion.
 */
export async function compensationPlan(
  pool: pg.Pool,
  run: RunRow,
  definition: Definition,
  failedStepId: string | undefined,
): Promise<{ stepId: string; compensationId: string }[]> {
  const results = await selectStepResults(pool, run.id);
  const steps = new Map<string, { compensation?: string; onError?: { compensate?: string } }>();
  const index = (list: Definition['steps']) => {
    for (const step of list) {
      steps.set(step.id, step);
      if (step.kind === 'parallel') for (const b of step.branches) index(b.steps);
      if (step.kind === 'branch') {
        index(step.trueBranch);
        if (step.falseBranch) index(step.falseBranch);
      }
    }
  };
  index(definition.steps);
  const plan: { stepId: string; compensationId: string }[] = [];
  const own = failedStepId ? steps.get(failedStepId)?.onError?.compensate : undefined;
  if (failedStepId && own) plan.push({ stepId: failedStepId, compensationId: own });
  const completed = results
    .filter((r) => r.status === 'completed' && r.completed_seq !== null)
    .sort((a, b) => Number(b.completed_seq) - Number(a.completed_seq));
  for (const r of completed) {
    const compensation = steps.get(r.step_id)?.compensation;
    if (compensation) plan.push({ stepId: r.step_id, compensationId: compensation });
  }
  return plan;
}

/**
 * Run (or finish) a run's saga. The plan is written once, before the first compensation; each
 * compensation is marked running before it starts and done after, so a process killed half-way
 * leaves a plan a survivor completes: nothing done is run again, and the one that was running is
 * re-sent with the same idempotency key (`<run>:<attempt>:compensate:<step>`) for the receiver to
 * apply once.
 */
export async function runSaga(
  saga: SagaDeps,
  run: RunRow,
  definition: Definition,
  failedStepId: string | undefined,
  signal: AbortSignal,
): Promise<{ done: number; failed: number }> {
  const { pool } = saga;
  if ((await listCompensations(pool, run.id)).length === 0)
    await planCompensations(
      pool,
      run.id,
      await compensationPlan(pool, run, definition, failedStepId),
    );
  const plan = await listCompensations(pool, run.id);
  await appendRunEvent(pool, run.id, 'compensation.started', {
    steps: plan.map((p) => p.step_id),
  });
  let done = 0;
  let failed = 0;
  for (const entry of plan) {
    if (entry.status === 'done') {
      done++;
      continue;
    }
    const compensation = definition.compensations.find((c) => c.id === entry.compensation_id);
    if (!compensation) continue;
    const results = await selectStepResults(pool, run.id);
    const original = results.find((r) => r.step_id === entry.step_id);
    const scope = scopeOf(run, results, saga.secrets, {
      payload: { step: entry.step_id, output: original?.output ?? null },
    });
    await markCompensation(pool, run.id, entry.position, 'running');
    try {
      await runWithPolicy({
        policy: compensation.retry ?? compensationRetry,
        timeoutMs: compensation.timeoutMs,
        signal,
        pool,
        breaker: saga.breaker,
        work: (s) =>
          runLeaf(compensation, scope, s, saga.deps, idempotencyKeyOf(run, entry.step_id, true)),
        onRetry: (attempt, error) =>
          markCompensation(pool, run.id, entry.position, 'running', `${attempt}: ${error.message}`),
      });
      await markCompensation(pool, run.id, entry.position, 'done');
      await appendRunEvent(pool, run.id, 'compensation.completed', {
        step: entry.step_id,
        compensation: entry.compensation_id,
      });
      done++;
    } catch (error) {
      // One compensation that cannot be done does not stop the others: the saga undoes what it can.
      await markCompensation(pool, run.id, entry.position, 'failed', (error as Error).message);
      await appendRunEvent(pool, run.id, 'compensation.failed', {
        step: entry.step_id,
        compensation: entry.compensation_id,
        error: (error as Error).message,
      });
      failed++;
    }
  }
  return { done, failed };
}
