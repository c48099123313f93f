export { createRunService, type RunService, type RunServiceOptions } from './run-service.ts';
export type { RunDetails, RunStatusView } from './run-views.ts';
export type { RunEvent, RunEventType } from '../../workflows/implementation/run-events.ts';
export { runEventsChannel } from '../../workflows/implementation/run-events.ts';
export {
  approvalTimeoutTask,
  approvalTimeoutTaskName,
} from '../../workflows/implementation/approval-timeout-task.ts';

export { renderDashboard, runMetrics, type RunMetrics } from './run-metrics.ts';
