import type { IMastraLogger } from '@mastra/core/logger';
import { Mastra } from '@mastra/core/mastra';
import { agents } from '../agents/index.ts';
import {
  hintLengthScorer,
  leakDetectionScorer,
  readabilityScorer,
} from '../evals/scorers/index.ts';
import { createWorkflows } from '../workflows/index.ts';
import { createMentorTurnWorkflow } from './mastra/mentor-turn-workflow.ts';
import { createObservability } from './mastra/observability.ts';
import type { Config } from './config/index.ts';
import { AppStore } from './db/app-store.ts';
import { openDatabase, prepareDatabase, type Database } from './db/database.ts';
import { DefinitionService, secretsFromEnv } from './definitions/index.ts';
import { createLogger } from './logger.ts';
import { createNotifyService, type NotifyService } from './notify/index.ts';
import { createRunService, type RunService } from './runs/index.ts';
import { BackgroundWorker } from './runtime/background-worker.ts';
import {
  createSessionService,
  registerSessionService,
  type SessionService,
  type SessionServiceOptions,
} from './sessions/index.ts';
import { retentionOf } from './sessions/store/prune-history.ts';

/** Mastra's `server` configuration (the type @mastra/core does not export by name). */
export type ServerConfig = NonNullable<ConstructorParameters<typeof Mastra>[0]>['server'];

/** Everything one mentorflow process runs, built once by `createApp`. */
export interface App {
  readonly config: Config;
  readonly logger: IMastraLogger;
  readonly database: Database;
  readonly mastra: Mastra;
  readonly sessions: SessionService;
  readonly runs: RunService;
  /** User-defined workflows (issue 14): definitions, their runs, tasks, triggers, analytics. */
  readonly definitions: DefinitionService;
  /** Notification delivery, escalations and mentors. */
  readonly notify: NotifyService;
  /** Stops the workers, then closes the storage and with it the database (embedded server included). */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** The HTTP surface (`src/http/server-config.ts`), passed in by the entry that serves it. */
  server?: (deps: { config: Config; database: Database; logger: IMastraLogger }) => ServerConfig;
  /** Session service options (tests: another agent port). */
  sessions?: Partial<Omit<SessionServiceOptions, 'pool'>>;
}

const apps = new WeakMap<Mastra, App>();

/** The app a Mastra instance belongs to (a route gets it from its request's `mastra`). */
export function appOf(mastra: Mastra): App {
  const app = apps.get(mastra);
  if (!app) throw new Error('this Mastra instance was not built by createApp');
  return app;
}

/**
 * The one composition root: the database (embedded unless DATABASE_URL), its schema, the logger,
 * Mastra (agents, workflows, storage, the background worker, the HTTP surface) and the session and
 * run services. `src/mastra/index.ts` (what Mastra's CLI loads) and `mentorflow start`/`chat` call
 * it; nothing else holds a process-wide instance.
 */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = createLogger(config.LOG_LEVEL);
  const bootStarted = performance.now();
  const database = await openDatabase(config, { log: (message) => logger.info(message) });
  try {
    const schema = await prepareDatabase(database.pool);
    const applied = schema.applied.length ? `, applied ${schema.applied.join(', ')}` : '';
    const ms = Math.round(performance.now() - bootStarted);
    logger.info(
      `database ready (${database.kind}, schema level ${schema.level}${applied}) in ${ms} ms`,
    );
  } catch (error) {
    await database.close();
    throw error;
  }

  const sessions = createSessionService({
    pool: database.pool,
    timeScale: config.TIME_SCALE,
    retention: retentionOf(config),
    log: logger,
    ...options.sessions,
  });
  const notify = createNotifyService({ pool: database.pool, config, sessions, log: logger });
  const runsRef: { current?: RunService } = {};
  const definitionsRef: { current?: DefinitionService } = {};
  const worker = new BackgroundWorker({
    database,
    config,
    logger,
    sessions,
    notify,
    get runs() {
      return runsRef.current!;
    },
    get definitions() {
      return definitionsRef.current;
    },
  });
  const mastra = new Mastra({
    agents,
    workflows: {
      ...createWorkflows({
        pool: database.pool,
        timeScale: config.TIME_SCALE,
        approval: { approver: config.APPROVAL_APPROVERS, escalateTo: config.APPROVAL_ESCALATE_TO },
      }),
      mentorTurnWorkflow: createMentorTurnWorkflow(),
    },
    // Code scorers over single replies, so Studio can score agent output; the dataset scorers live in evals/.
    scorers: { leakDetectionScorer, hintLengthScorer, readabilityScorer },
    storage: new AppStore(database),
    observability: createObservability(config.TRACE_SAMPLE_RATIO),
    logger,
    workers: [worker],
    ...(options.server ? { server: options.server({ config, database, logger }) } : {}),
  });
  const runs = createRunService({ mastra, pool: database.pool, logger });
  runsRef.current = runs;
  registerSessionService(mastra, sessions);
  const definitions = new DefinitionService({
    mastra,
    pool: database.pool,
    logger,
    timeScale: config.TIME_SCALE,
    secrets: secretsFromEnv(process.env),
  });
  definitionsRef.current = definitions;
  // Stored definitions are compiled and registered on Mastra at startup, so Studio lists them.
  await definitions.registerStored();

  let closed: Promise<void> | undefined;
  const app: App = {
    config,
    logger,
    database,
    mastra,
    sessions,
    runs,
    notify,
    definitions,
    close() {
      closed ??= (async () => {
        await definitions.close();
        await runs.close();
        // Mastra's shutdown closes the storage before it flushes the traces: flush them first.
        await mastra.observability.shutdown();
        await mastra.shutdown();
        notify.close();
      })();
      return closed;
    },
  };
  apps.set(mastra, app);
  return app;
}
