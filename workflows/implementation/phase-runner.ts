import type { Mastra } from '@mastra/core/mastra';
import type { AgentCallContext } from './agent-port.ts';
import { withRetry } from './retry.ts';
import { appendRunEvent } from '../../src/db/runs/append-run-event.ts';
import { failRun, isSuperseded, type RunAttempt } from './run-records.ts';
import type { ImplementationInput, Phase } from './schemas.ts';
import type { WorkflowDeps } from './workflow-deps.ts';

/** One phase of one attempt, as a step runs it. */
export interface PhaseRun {
  deps: WorkflowDeps;
  attempt: RunAttempt;
  phase: Phase;
  mastra: Mastra | undefined;
  abortSignal: AbortSignal;
}

/** The request as the agents see it (constraints default to none). */
export function phaseRequest(input: ImplementationInput) {
  return {
    request: input.request,
    requirements: input.requirements,
    constraints: input.constraints ?? [],
  };
}

/**
 * Call an agent under seed 003's retry policy: per-call timeout, retries on rate limits and
 * timeouts only, each retry recorded as a `step.retry` event.
 */
export function callAgent<T>(
  run: PhaseRun,
  call: (ctx: AgentCallContext) => Promise<T>,
): Promise<T> {
  const { deps, attempt, phase } = run;
  return withRetry(
    (signal) =>
      call({
        mastra: run.mastra,
        abortSignal: signal,
        runId: attempt.runId,
        record: async (figures) => {
          await appendRunEvent(deps.pool, attempt.runId, {
            type: 'agent.called',
            data: { phase, ...figures },
          });
        },
      }),
    {
      timeoutMs: deps.callTimeoutMs,
      maxAttempts: deps.retry.maxAttempts,
      backoffMs: deps.retry.backoffMs,
      scale: deps.retry.scale,
      ...(deps.retry.sleep ? { sleep: deps.retry.sleep } : {}),
      signal: run.abortSignal,
      onRetry: async (retry) => {
        run.mastra
          ?.getLogger()
          ?.warn(
            `implementation run ${attempt.runId}: ${phase} retry ${retry.attempt} in ${retry.delayMs} ms (${retry.reason}: ${retry.message})`,
          );
        await appendRunEvent(deps.pool, attempt.runId, {
          type: 'step.retry',
          data: { phase, ...retry },
        });
      },
    },
  );
}

/** Run a phase's work; a failure ends the run as failed (recorded once) before Mastra sees it. */
export async function guardPhase<T>(run: PhaseRun, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isSuperseded(error)) {
      await failRun(run.deps.pool, run.attempt, run.phase, error).catch((recordError: unknown) =>
        run.mastra
          ?.getLogger()
          ?.error(
            `implementation run ${run.attempt.runId}: could not record failure: ${String(recordError)}`,
          ),
      );
    }
    throw error;
  }
}

/** Milliseconds since `started` (a `performance.now()` reading). */
export function since(started: number): number {
  return Math.round(performance.now() - started);
}
