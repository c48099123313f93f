/**
 * Boot (and periodic) recovery: process inbox events left unprocessed by a crash or by a process
 * that died. Safe to repeat and to run in several processes at once: a committed event is never
 * applied again (compare-and-set on the session's version).
 */
import type { SessionService } from './service.ts';
import { selectSessionsWithPendingEvents } from '../db/sessions/select-sessions-with-pending-events.ts';

export interface RecoveryReport {
  /** Sessions whose pending events were processed. */
  readonly sessions: number;
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

/**
 * Processes what a crash left: every inbox event without an outcome. A turn interrupted mid-run
 * left no Mastra run behind (turns persist no snapshot unless they fail), only its pending event,
 * which is computed again from the session row: it cannot be applied twice.
 */
export async function recoverSessions(service: SessionService, log?: Log): Promise<RecoveryReport> {
  const drained = await drainPendingSessions(service, 0, log);
  return { sessions: drained.sessions, failures: drained.failures };
}
