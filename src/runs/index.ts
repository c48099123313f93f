import type { Mastra } from '@mastra/core/mastra';
import { appDatabase, logger } from '../db/app-database.ts';
import { createRunService, type RunService } from './run-service.ts';
import { runMetrics } from './run-metrics.ts';

export { createRunService, type RunService, type RunServiceOptions } from './run-service.ts';
export type { RunDetails, RunStatusView } from './run-views.ts';
export type { RunEvent, RunEventType } from '../../workflows/implementation/run-events.ts';
export { runEventsChannel } from '../../workflows/implementation/run-events.ts';
export { approvalTimeoutTask, approvalTimeoutTaskName } from '../../workflows/implementation/approval-timeout-task.ts';

const services = new WeakMap<Mastra, RunService>();

/**
 * The run service of a Mastra instance (its workflows) on the app database. Callers pass the
 * instance they were given (a route's context, a worker's `mastra`), never import it.
 */
export function runService(mastra: Mastra): RunService {
  let service = services.get(mastra);
  if (!service) {
    service = createRunService({ mastra, pool: appDatabase.pool, logger });
    services.set(mastra, service);
  }
  return service;
}

/** Seed 003's dashboard figures over every run in the database. */
export const getRunMetrics = () => runMetrics(appDatabase.pool);
export { renderDashboard, type RunMetrics } from './run-metrics.ts';
