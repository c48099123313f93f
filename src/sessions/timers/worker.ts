/**
 * The in-process timer worker: Graphile Worker's `run()` on the app's pool, executing the session
 * timer task. Several processes may run one; Graphile locks each job for one of them and
 * LISTEN/NOTIFY makes new jobs prompt. Signals are left to the CLI (`noHandleSignals`).
 */
import { EventEmitter } from 'node:events';
import { Logger, run, type TaskList, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import { heartbeatTimerWorkers } from '../../db/sessions/heartbeat-timer-workers.ts';
import { registerTimerWorkers } from '../../db/sessions/register-timer-workers.ts';
import { unlockDeadTimerWorkers } from '../../db/sessions/unlock-dead-timer-workers.ts';
import { unregisterTimerWorkers } from '../../db/sessions/unregister-timer-workers.ts';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_STALE_MS } from './dead-workers.ts';
import { sessionTimerTask, type TimerIngest } from './fire-timer.ts';
import { SESSION_TIMER_TASK, type TimerJobPayload } from './timer-kinds.ts';

export interface TimerWorkerOptions {
  readonly pool: pg.Pool;
  readonly ingest: TimerIngest;
  /** Jobs run at once (default 4). */
  readonly concurrency?: number;
  /** Poll interval for jobs scheduled in the future, ms (default 250; new jobs arrive by NOTIFY). */
  readonly pollInterval?: number;
  readonly log?: {
    info(message: string): void;
    warn(message: string): void;
    error(message: string): void;
  };
  readonly onFire?: (payload: TimerJobPayload) => void;
  /** Other durable jobs served by the same worker (e.g. the implementation runs' approval timeout). */
  readonly extraTasks?: TaskList;
  /** Graphile Worker crontab lines for recurring jobs (each fires once across all processes). */
  readonly crontab?: readonly string[];
}

export interface TimerWorker {
  /** Graphile worker ids of this process (pool and workers). */
  readonly workerIds: readonly string[];
  /** Jobs of dead workers unlocked at start. */
  readonly unlocked: readonly string[];
  stop(): Promise<void>;
}

export async function startTimerWorker(options: TimerWorkerOptions): Promise<TimerWorker> {
  const { pool, log } = options;
  const unlocked = await unlockDeadTimerWorkers(pool, HEARTBEAT_STALE_MS);
  if (unlocked.length)
    log?.warn(
      `timer worker: unlocked jobs of ${unlocked.length} dead worker(s): ${unlocked.join(', ')}`,
    );

  const ids = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  events.on('pool:create', ({ workerPool }) => ids.add(workerPool.id));
  events.on('worker:create', ({ worker }) => ids.add(worker.workerId));
  const logger = new Logger(() => (level, message) => {
    if (level === 'error') log?.error(`graphile-worker: ${message}`);
    else if (level === 'warning') log?.warn(`graphile-worker: ${message}`);
  });
  const runner = await run({
    pgPool: pool,
    taskList: {
      ...options.extraTasks,
      [SESSION_TIMER_TASK]: sessionTimerTask({
        pool,
        ingest: options.ingest,
        onFire: options.onFire,
        log,
      }),
    },
    ...(options.crontab?.length ? { crontab: options.crontab.join('\n') } : {}),
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 250,
    noHandleSignals: true,
    events,
    logger,
  });
  await registerTimerWorkers(pool, [...ids]);
  // Each beat also takes over the jobs of workers whose beat stopped (a process killed mid-job),
  // so a live process runs them within HEARTBEAT_STALE_MS + HEARTBEAT_EVERY_MS, not only at boot.
  const beat = setInterval(() => {
    heartbeatTimerWorkers(pool, [...ids])
      .then(() => unlockDeadTimerWorkers(pool, HEARTBEAT_STALE_MS))
      .then((dead) => {
        if (dead.length)
          log?.warn(`timer worker: took over the jobs of ${dead.length} dead worker(s)`);
      })
      .catch((error: Error) => log?.warn(`timer worker heartbeat failed: ${error.message}`));
  }, HEARTBEAT_EVERY_MS);
  beat.unref();

  let stopped: Promise<void> | undefined;
  return {
    get workerIds() {
      return [...ids];
    },
    unlocked,
    stop() {
      stopped ??= (async () => {
        clearInterval(beat);
        await runner.stop();
        await unregisterTimerWorkers(pool, [...ids]).catch(() => undefined);
      })();
      return stopped;
    },
  };
}
