import type { Mastra } from '@mastra/core/mastra';
import type pg from 'pg';
import { AppError } from '../errors/app-error.ts';
import { createRunService, type RunService } from './run-service.ts';
import { runMetrics } from './run-metrics.ts';

export { createRunService, type RunService, type RunServiceOptions } from './run-service.ts';
export type { RunDetails, RunStatusView } from './run-views.ts';
export type { RunEvent, RunEventType } from '../../workflows/implementation/run-events.ts';
export { runEventsChannel } from '../../workflows/implementation/run-events.ts';
export {
  approvalTimeoutTask,
  approvalTimeoutTaskName,
} from '../../workflows/implementation/approval-timeout-task.ts';

const registered = new WeakMap<Mastra, { service: RunService; pool: pg.Pool }>();

/** Makes `service` the run service of `mastra` (the composition root does, once). */
export function registerRunService(mastra: Mastra, service: RunService, pool: pg.Pool): void {
  registered.set(mastra, { service, pool });
}

function entryOf(mastra: Mastra) {
  const entry = registered.get(mastra);
  if (!entry)
    throw new AppError('INTERNAL', 'no run service is registered for this Mastra instance');
  return entry;
}

/**
 * The run service of a Mastra instance (its workflows). Callers pass the instance they were given
 * (a route's context, a worker's `mastra`), never import it.
 */
export function runService(mastra: Mastra): RunService {
  return entryOf(mastra).service;
}

/** Seed 003's dashboard figures over every run in the instance's database. */
export const getRunMetrics = (mastra: Mastra) => runMetrics(entryOf(mastra).pool);
export { renderDashboard, type RunMetrics } from './run-metrics.ts';
