import { createStep } from '@mastra/core/workflows';
import { loadCheckpoint } from '../checkpoints.ts';
import { approvalState } from '../../../src/db/runs/select-approval-state.ts';
import { withTransaction } from '../../../src/db/transaction.ts';
import { guardPhase } from '../phase-runner.ts';
import { completePhase, enterPhase, openAttempt, recordApprovalDecision } from '../run-records.ts';
import {
  approvalAnswerSchema,
  approvalRequestSchema,
  approvedPlanSchema,
  reviewedPlanSchema,
  type ApprovedPlan,
} from '../schemas.ts';
import type { WorkflowDeps } from '../workflow-deps.ts';

export const approvalStepId = 'approval-gate';

/**
 * Optional human gate between review and implementation (input `approval: true`). The step suspends;
 * the run service records the answer exactly once and resumes it. The decision on the run row is
 * what counts, so a resume through Mastra's own API (Studio) is recorded here the same way, and a
 * recovered attempt does not ask twice. A rejection cancels the Mastra run; the run ends `rejected`.
 */
export function createApprovalStep(deps: WorkflowDeps) {
  return createStep({
    id: approvalStepId,
    description: 'Optional: a human approves or rejects the reviewed plan before implementation',
    inputSchema: reviewedPlanSchema,
    outputSchema: approvedPlanSchema,
    resumeSchema: approvalAnswerSchema,
    suspendSchema: approvalRequestSchema,
    execute: async ({ inputData, runId, resumeData, suspend, abort, mastra, abortSignal }) => {
      const attempt = await openAttempt(deps.pool, runId);
      const saved = await loadCheckpoint<ApprovedPlan>(deps.pool, attempt.runId, 'approval');
      if (saved) return saved.output;
      if (!attempt.input.approval) {
        const output = { ...inputData, approved: null };
        await completePhase(deps.pool, attempt, {
          phase: 'approval',
          checkpoint: output,
          durationMs: 0,
          nextPhase: 'implement',
          silent: true,
        });
        return output;
      }
      const run = { deps, attempt, phase: 'approval' as const, mastra, abortSignal };
      return guardPhase(run, async () => {
        let state = await approvalState(deps.pool, attempt.runId);
        if (!state.decision && resumeData) {
          await withTransaction(deps.pool, (client) =>
            recordApprovalDecision(client, attempt.runId, resumeData),
          );
          state = await approvalState(deps.pool, attempt.runId);
        }
        if (!state.decision) {
          if (!resumeData) await enterPhase(deps.pool, attempt, 'approval');
          return await suspend({
            runId: attempt.runId,
            planId: inputData.planId,
            reviewId: inputData.reviewId,
            score: inputData.score,
          });
        }
        if (state.decision === 'rejected') {
          abort();
          return { ...inputData, approved: false };
        }
        const output = { ...inputData, approved: true };
        await completePhase(deps.pool, attempt, {
          phase: 'approval',
          checkpoint: output,
          durationMs: state.waitedMs ?? 0,
          score: inputData.score,
          nextPhase: 'implement',
        });
        return output;
      });
    },
  });
}
