export { createRunService, type RunService, type RunServiceOptions } from './run-service.ts';
export type { RunDetails, RunStatusView } from './run-views.ts';
export type { RunEvent, RunEventType } from '../domain/implementation-run.ts';
export { runEventsChannel } from '../db/runs/append-run-event.ts';
export {
  approvalTimeoutTask,
  approvalTimeoutTaskName,
} from '../../workflows/implementation/approval-timeout-task.ts';

export { renderDashboard, runMetrics, type RunMetrics } from './run-metrics.ts';
