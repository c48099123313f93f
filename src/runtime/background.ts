import type { IMastraLogger } from '@mastra/core/logger';
import type { Mastra } from '@mastra/core/mastra';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/database.ts';
import { recordBoot } from '../db/system/record-boot.ts';
import type { DefinitionService } from '../definitions/index.ts';
import type { NotifyService } from '../notify/index.ts';
import { appVersion } from '../paths.ts';
import { approvalTimeoutTask, approvalTimeoutTaskName, type RunService } from '../runs/index.ts';
import type { SessionService } from '../sessions/index.ts';
import { recoverSessions } from '../sessions/recovery.ts';
import { startTimerWorker, type TimerWorker } from '../sessions/timers/worker.ts';
import { workflowTurns } from '../sessions/workflow-runner.ts';
import { startRecoverySweep } from './recovery-sweep.ts';
import { retentionOf } from '../sessions/store/prune-history.ts';
import { pruneStaleCrontab, pruneTasks } from '../sessions/timers/prune-tasks.ts';

export interface BackgroundOptions {
  mastra: Mastra;
  sessions: SessionService;
  runs: RunService;
  /** Its tasks deliver notifications and re-escalate unacknowledged escalations. */
  notify?: NotifyService;
  /** User-defined workflows: their schedules, timeouts and takeover tick with the timer worker. */
  definitions?: DefinitionService | undefined;
  database: Database;
  config: Config;
  logger: IMastraLogger;
  /**
   * How turns run: `direct` (the in-process processor, default) or `workflow` (one `mentor-turn`
   * Mastra run per event; a few ms more per event, see bench/README.md).
   */
  turnRunner?: Config['TURN_RUNNER'];
}

export interface Background {
  stop(): Promise<void>;
}

/**
 * What a server process runs besides HTTP: the boot record, the timer worker (when WORKER is on),
 * recovery of what a crash left behind (pending inbox events, interrupted mentor-turn runs, jobs
 * locked by dead workers), and a periodic sweep for events another process accepted but never
 * processed.
 */
export async function startBackground(options: BackgroundOptions): Promise<Background> {
  const { database, logger, mastra } = options;
  await recordBoot(database.pool, {
    appVersion,
    nodeVersion: process.version,
    databaseKind: database.kind,
    pid: process.pid,
  });
  const service = options.sessions;
  if ((options.turnRunner ?? options.config.TURN_RUNNER) === 'workflow')
    service.processor.useExecutor(workflowTurns(mastra));

  let worker: TimerWorker | undefined;
  if (options.config.WORKER) {
    // The processes that deliver decide where to: a CLI or API-only process with another
    // environment must not rewrite the targets the database triggers read.
    await options.notify?.configure();
    worker = await startTimerWorker({
      pool: database.pool,
      ingest: (sessionId, input) => service.ingestEvent(sessionId, input, { source: 'timer' }),
      log: logger,
      extraTasks: {
        [approvalTimeoutTaskName]: approvalTimeoutTask,
        ...options.notify?.tasks,
        ...pruneTasks(database.pool, retentionOf(options.config)),
      },
      crontab: [pruneStaleCrontab],
    });
  }
  if (options.config.WORKER) options.definitions?.startBackground();
  const runs = options.runs;
  const recoveredRuns = runs
    .recoverRuns()
    .then(
      (ids) =>
        ids.length &&
        logger.info(`recovery: continued ${ids.length} implementation run(s) of dead processes`),
    )
    .catch((error: Error) => logger.error(`implementation run recovery failed: ${error.message}`));

  const recovery = recoverSessions(service, logger)
    .then((report) => {
      if (report.sessions || report.failures) {
        logger.info(
          `recovery: ${report.sessions} session(s) with pending events, ${report.failures} failure(s)`,
        );
      }
    })
    .catch((error: Error) => logger.error(`recovery failed: ${error.message}`));

  const sweep = startRecoverySweep({ sessions: service, runs, logger });

  return {
    async stop() {
      await sweep.stop();
      await recovery;
      await recoveredRuns;
      await worker?.stop();
      await options.definitions?.close();
      await runs.close();
    },
  };
}
