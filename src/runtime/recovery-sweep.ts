/**
 * Continuous recovery: on a timer, every live process takes over what a dead one left — inbox
 * events accepted and never processed (their turn is computed from the session row; the
 * compare-and-set keeps it once) and implementation runs whose owner died (its advisory lock went
 * with its connection). Not only at boot: with two live processes, a third one's SIGKILL is
 * repaired within `everyMs` (+ `pendingAfterMs` for events).
 */
import type { RunService } from '../runs/index.ts';
import { drainPendingSessions } from '../sessions/recovery.ts';
import type { SessionService } from '../sessions/service.ts';

type Log = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

export interface RecoverySweepOptions {
  readonly sessions: SessionService;
  readonly runs: Pick<RunService, 'recoverRuns'>;
  readonly logger: Log;
  /** How often the sweep runs. Default 10 s. */
  readonly everyMs?: number;
  /** Events younger than this are their own process's to apply. Default 10 s. */
  readonly pendingAfterMs?: number;
}

export function startRecoverySweep(options: RecoverySweepOptions): { stop(): Promise<void> } {
  const { sessions, runs, logger } = options;
  let sweeping: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = Promise.all([
      drainPendingSessions(sessions, options.pendingAfterMs ?? 10_000, logger).catch(
        (error: Error) => logger.warn(`inbox sweep failed: ${error.message}`),
      ),
      runs
        .recoverRuns()
        .then(
          (ids) =>
            ids.length &&
            logger.info(
              `recovery: took over ${ids.length} implementation run(s) of dead processes`,
            ),
        )
        .catch((error: Error) => logger.warn(`run recovery sweep failed: ${error.message}`)),
    ]);
  }, options.everyMs ?? 10_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}
