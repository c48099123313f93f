import type { ShouldPersistSnapshotFn } from '@mastra/core/workflows';

/**
 * A `shouldPersistSnapshot` for any of our workflows (kept here with the run machinery; it holds
 * nothing specific to the implementation workflow): persist every status except `pending`.
 *
 * Mastra 1.71's `createRun()` writes a `pending` snapshot row before `start()` validates the input
 * (`Workflow.createRun` → `persistWorkflowSnapshot`, then `Run._start` → `_validateInput`), and a
 * start that fails validation leaves that row behind: every refused `POST /api/workflows/<id>/
 * start-async` added one. `createRun()` asks this predicate first (`workflowStatus: 'pending'`),
 * so answering false skips that write; a run that passes validation is persisted from `running`
 * on, as before. Nothing reads a `pending` row: a run is only resumed, restarted or listed as
 * active once it has run.
 */
export const skipPendingSnapshot: ShouldPersistSnapshotFn = ({ workflowStatus }) =>
  workflowStatus !== 'pending';
