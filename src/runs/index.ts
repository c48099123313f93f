import { appDatabase, logger } from '../db/app-database.ts';
import { mastra } from '../mastra/index.ts';
import { createRunService, type RunService } from './run-service.ts';
import { runMetrics } from './run-metrics.ts';

export { createRunService, type RunService, type RunServiceOptions } from './run-service.ts';
export type { RunDetails, RunStatusView } from './run-views.ts';
export type { RunEvent, RunEventType } from '../../workflows/implementation/run-events.ts';
export { runEventsChannel } from '../../workflows/implementation/run-events.ts';
export { approvalTimeoutTask, approvalTimeoutTaskName } from '../../workflows/implementation/approval-timeout-task.ts';

let service: RunService | undefined;

/** The process's run service, on the app's Mastra instance and database. */
export function runService(): RunService {
  service ??= createRunService({ mastra, pool: appDatabase.pool, logger });
  return service;
}

/** Start a run of the four-phase workflow; returns `{ id, status: 'queued' }` at once. */
export const startImplementationRun: RunService['startImplementationRun'] = (input, options) => runService().startImplementationRun(input, options);
/** `{ id, status, currentPhase, progress, estimatedCompletion }` (seed 003). */
export const getRunStatus: RunService['getRunStatus'] = (id) => runService().getRunStatus(id);
export const getRun: RunService['getRun'] = (id) => runService().getRun(id);
export const getArtifact: RunService['getArtifact'] = (id, artifactId) => runService().getArtifact(id, artifactId);
/** `{ approved: boolean, comment?: string }` for a run in `awaiting_approval`. */
export const answerApproval: RunService['answerApproval'] = (id, answer) => runService().answerApproval(id, answer);
/** `{ fromPhase: 'plan' | 'review' | 'refine' | 'approval' | 'implement' }`. */
export const restartRun: RunService['restartRun'] = (id, options) => runService().restartRun(id, options);
/** `{ after?: number, limit?: number }`: events with `seq > after`, oldest first. */
export const listRunEvents: RunService['listRunEvents'] = (id, options) => runService().listRunEvents(id, options);
/** Seed 003's dashboard figures over every run in the database. */
export const getRunMetrics = () => runMetrics(appDatabase.pool);
export { renderDashboard, type RunMetrics } from './run-metrics.ts';
/** Continue the runs of dead processes from their checkpoints (call once at boot). */
export const recoverRuns: RunService['recoverRuns'] = () => runService().recoverRuns();
