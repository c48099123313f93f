/**
 * Boot (and periodic) recovery: process inbox events left unprocessed by a crash, restart
 * `mentor-turn` runs left `running` (Mastra's own boot does not: mastra-ai/mastra#24592), and
 * delete the `pending` ones whose event was applied meanwhile. All are safe to repeat: a committed
 * event is never applied again.
 */
import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { eventsWithOutcome, type TurnEventRef } from '../db/turn-event-outcomes.ts';
import type { SessionService } from './service.ts';
import { selectSessionsWithPendingEvents } from './store/session-store.ts';
import { eventIdOfTurnRun, MENTOR_TURN_WORKFLOW } from './workflow-runner.ts';

export interface RecoveryReport {
  /** Sessions whose pending events were processed. */
  readonly sessions: number;
  /** mentor-turn runs restarted. */
  readonly restartedRuns: number;
  /** `pending` mentor-turn snapshots deleted because their event already has an outcome. */
  readonly droppedRuns: number;
  readonly failures: number;
}

type Log = { warn(message: string): void; error(message: string): void };

/** Processes the pending events of every session with events older than `olderThanMs`. */
export async function drainPendingSessions(
  service: SessionService,
  olderThanMs = 0,
  log?: Log,
  concurrency = 4,
): Promise<{ sessions: number; failures: number }> {
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
export async function restartTurnRuns(
  mastra: Mastra,
  log?: Log,
): Promise<{ restarted: number; failures: number }> {
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
      log?.warn(
        `recovery: mentor-turn run ${runId} could not be restarted: ${(error as Error).message}`,
      );
    }
  }
  return { restarted, failures };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Deletes the `pending` mentor-turn snapshots whose inbox event has an outcome. `createRun()`
 * writes such a row before the run starts; a process killed in between left it, and the event was
 * then applied by a later turn of the session or by the drain above. The row holds no step result,
 * so deleting it loses nothing and runs nothing: the event cannot be applied twice. Rows whose
 * event has no outcome yet, or that are not an event's turn run, are left alone.
 */
export async function dropOrphanedTurnRuns(
  mastra: Mastra,
  pool: Pick<pg.Pool, 'query'>,
  log?: Log,
): Promise<{ dropped: number; failures: number }> {
  const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);
  const { runs } = await workflow.listWorkflowRuns({ status: 'pending' });
  const candidates = new Map<string, TurnEventRef>();
  for (const { runId, resourceId } of runs) {
    const eventId = eventIdOfTurnRun(runId);
    // The runner names every turn run after its event and owns it by its session.
    if (eventId && uuid.test(eventId) && resourceId && uuid.test(resourceId)) {
      candidates.set(runId, { sessionId: resourceId, eventId });
    }
  }
  const done = await eventsWithOutcome(pool, [...candidates.values()]);
  let dropped = 0;
  let failures = 0;
  for (const [runId, { eventId }] of candidates) {
    if (!done.has(eventId)) continue;
    try {
      // Should the run be alive after all (another process between createRun and start), it
      // persists again from `running` on; its event is committed either way.
      await workflow.deleteWorkflowRunById(runId);
      dropped++;
    } catch (error) {
      failures++;
      const reason = (error as Error).message;
      log?.warn(`recovery: pending mentor-turn run ${runId} could not be deleted: ${reason}`);
    }
  }
  return { dropped, failures };
}

/**
 * Pending inbox events first (direct and cheap); then the interrupted runs, which find their event
 * already applied and simply finish, so Mastra no longer lists them as running; then the runs
 * that never started, whose events are applied by now.
 */
export async function recoverSessions(
  service: SessionService,
  mastra: Mastra | undefined,
  log?: Log,
): Promise<RecoveryReport> {
  const drained = await drainPendingSessions(service, 0, log);
  const none = { restarted: 0, dropped: 0, failures: 0 };
  const runs = mastra ? await restartTurnRuns(mastra, log) : none;
  const orphans = mastra ? await dropOrphanedTurnRuns(mastra, service.pool, log) : none;
  return {
    sessions: drained.sessions,
    restartedRuns: runs.restarted,
    droppedRuns: orphans.dropped,
    failures: drained.failures + runs.failures + orphans.failures,
  };
}
