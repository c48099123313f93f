/**
 * Boot (and periodic) recovery: process inbox events left unprocessed by a crash, and restart
 * `mentor-turn` runs left `running` (Mastra's own boot does not: mastra-ai/mastra#24592). Both are
 * safe to repeat: a committed event is never applied again.
 */
import type { Mastra } from '@mastra/core/mastra';
import type { SessionService } from './service.ts';
import { selectSessionsWithPendingEvents } from './store/session-store.ts';
import { MENTOR_TURN_WORKFLOW } from './workflow-runner.ts';

export interface RecoveryReport {
  /** Sessions whose pending events were processed. */
  readonly sessions: number;
  /** mentor-turn runs restarted. */
  readonly restartedRuns: number;
  readonly failures: number;
}

type Log = { warn(message: string): void; error(message: string): void };

/** Processes the pending events of every session with events older than `olderThanMs`. */
export async function drainPendingSessions(service: SessionService, olderThanMs = 0, log?: Log, concurrency = 4): Promise<{ sessions: number; failures: number }> {
  const ids = await selectSessionsWithPendingEvents(service.pool, olderThanMs);
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await service.processor.drain(id).catch((error: Error) => {
        failures++;
        log?.error(`recovery: session ${id}: ${error.message}`);
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return { sessions: ids.length, failures };
}

/** Restarts mentor-turn runs left running or waiting. */
export async function restartTurnRuns(mastra: Mastra, log?: Log): Promise<{ restarted: number; failures: number }> {
  const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);
  const { runs } = await workflow.listActiveWorkflowRuns();
  let restarted = 0;
  let failures = 0;
  for (const { runId } of runs) {
    try {
      await (await workflow.createRun({ runId })).restart();
      restarted++;
    } catch (error) {
      failures++;
      log?.warn(`recovery: mentor-turn run ${runId} could not be restarted: ${(error as Error).message}`);
    }
  }
  return { restarted, failures };
}

/**
 * Pending inbox events first (direct and cheap); then the interrupted runs, which find their event
 * already applied and simply finish, so Mastra no longer lists them as running.
 */
export async function recoverSessions(service: SessionService, mastra: Mastra | undefined, log?: Log): Promise<RecoveryReport> {
  const drained = await drainPendingSessions(service, 0, log);
  const runs = mastra ? await restartTurnRuns(mastra, log) : { restarted: 0, failures: 0 };
  return { sessions: drained.sessions, restartedRuns: runs.restarted, failures: drained.failures + runs.failures };
}
