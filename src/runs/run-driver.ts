import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { failRun } from '../../workflows/implementation/run-records.ts';
import type {
  ApprovalAnswer,
  ImplementationInput,
} from '../../workflows/implementation/schemas.ts';
import { approvalStepId } from '../../workflows/implementation/steps/approval-step.ts';

export interface DriverOptions {
  mastra: Mastra;
  pool: pg.Pool;
  /** Id of the implementation workflow in `mastra`. */
  workflowId: string;
  logger: IMastraLogger;
  /** A suspended run that can no longer be resumed (snapshot lost): continue it as a new attempt. */
  onUnresumable: (runId: string) => Promise<void>;
}

export interface AttemptRef {
  runId: string;
  mastraRunId: string;
  attempt: number;
  input: ImplementationInput;
}

/**
 * Runs attempts in the background of this process. The returned promises are tracked so that tests
 * and shutdown can wait for them; failures are recorded on the run, never thrown at the caller, who
 * has long returned.
 */
export function createRunDriver(options: DriverOptions) {
  const inFlight = new Set<Promise<void>>();
  const { mastra, logger } = options;

  function track(work: Promise<void>): void {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  function workflow() {
    return mastra.getWorkflowById(options.workflowId);
  }

  /** The run could not even be driven (storage down, workflow missing): end it rather than leave it hanging. */
  async function failAttempt(ref: AttemptRef, error: unknown): Promise<void> {
    logger.error(
      `implementation run ${ref.runId}: attempt ${ref.attempt} could not run: ${String(error)}`,
    );
    await failRun(options.pool, ref, null, error).catch((e: unknown) =>
      logger.error(`implementation run ${ref.runId}: could not record failure: ${String(e)}`),
    );
  }

  return {
    start(ref: AttemptRef): void {
      track(
        (async () => {
          try {
            const run = await workflow().createRun({ runId: ref.mastraRunId });
            await run.start({ inputData: ref.input });
          } catch (error) {
            await failAttempt(ref, error);
          }
        })(),
      );
    },

    resume(ref: AttemptRef, answer: ApprovalAnswer): void {
      track(
        (async () => {
          try {
            const stored = await workflow().getWorkflowRunById(ref.mastraRunId);
            if (stored?.status !== 'suspended') {
              await options.onUnresumable(ref.runId);
              return;
            }
            const run = await workflow().createRun({ runId: ref.mastraRunId });
            await run.resume({ step: approvalStepId, resumeData: answer });
          } catch (error) {
            await failAttempt(ref, error);
          }
        })(),
      );
    },

    /**
     * Mark the Mastra run of a replaced attempt canceled, when it was left suspended or, its process
     * having died, running (best effort: its steps are fenced out anyway).
     */
    cancel(mastraRunId: string): void {
      track(
        (async () => {
          try {
            const stored = await workflow().getWorkflowRunById(mastraRunId);
            if (!stored || !['suspended', 'running', 'pending', 'waiting'].includes(stored.status))
              return;
            const run = await workflow().createRun({ runId: mastraRunId });
            await run.cancel();
          } catch (error) {
            logger.warn(
              `could not cancel superseded workflow run ${mastraRunId}: ${String(error)}`,
            );
          }
        })(),
      );
    },

    /** Resolves once every attempt started here has finished or suspended. */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type RunDriver = ReturnType<typeof createRunDriver>;
