import { createWorkflow } from '@mastra/core/workflows';
import type { WorkflowFinishCallbackResult } from '@mastra/core/workflows';
import { selectUnfinishedRun } from '../src/db/runs/select-unfinished-run.ts';
import { recordApprovalRequest } from './implementation/approval-requests.ts';
import { failRun } from './implementation/run-records.ts';
import { skipPendingSnapshot } from './implementation/snapshot-policy.ts';
import {
  implementationInputSchema,
  implementationOutputSchema,
  reviewedPlanSchema,
  type ReviewedPlan,
} from './implementation/schemas.ts';
import { approvalStepId, createApprovalStep } from './implementation/steps/approval-step.ts';
import { createImplementStep } from './implementation/steps/implement-step.ts';
import { createPlanStep } from './implementation/steps/plan-step.ts';
import { createRefineStep, createSkipRefinementStep } from './implementation/steps/refine-step.ts';
import { createReviewStep } from './implementation/steps/review-step.ts';
import {
  resolveWorkflowDeps,
  type ImplementationWorkflowOptions,
  type WorkflowDeps,
} from './implementation/workflow-deps.ts';

/** Hard stop for the refinement loop; the refine step enforces the run's own (smaller) bound. */
const MAX_ROUNDS = 10;

/**
 * Seed 003's four-phase implementation workflow: plan → review (0–100) → refine while the score is
 * below 80 (bounded; the run fails past the bound) → optional human approval → implement.
 *
 * Steps pass ids and scores only; plans, reviews, refinements and code are rows in
 * `implementation_artifacts`, each completed phase leaves a checkpoint, and every phase appends
 * `phase.completed { phase, score?, nextPhase }` to the run's event log. A factory, because a
 * workflow object must not be shared between Mastra instances and tests inject the agents.
 */
export function createImplementationWorkflow(
  options: ImplementationWorkflowOptions,
  timeScale = 1,
) {
  const deps = resolveWorkflowDeps(options, timeScale);

  const refinementLoop = createWorkflow({
    id: 'refinement-loop',
    description: 'Phase 3: refine and re-review until the plan scores at least the pass score',
    inputSchema: reviewedPlanSchema,
    outputSchema: reviewedPlanSchema,
    options: { autoRestartActiveRuns: false },
  })
    .dountil(
      createRefineStep(deps),
      async ({ inputData }) =>
        inputData.score >= deps.passScore || inputData.refinements >= MAX_ROUNDS,
    )
    .commit();

  return createWorkflow({
    id: 'implementation',
    description:
      'Plan, review, refine and implement a change request (seed 003), with an optional human approval gate',
    inputSchema: implementationInputSchema,
    outputSchema: implementationOutputSchema,
    options: {
      // Recovery is the run service's (from checkpoints, by a live process); a blanket restart would race it.
      autoRestartActiveRuns: false,
      // A start refused by input validation must leave no row behind (snapshot-policy.ts).
      shouldPersistSnapshot: skipPendingSnapshot,
      onFinish: (result) => onRunFinished(deps, result),
    },
  })
    .then(createPlanStep(deps))
    .then(createReviewStep(deps))
    .branch([
      [async ({ inputData }) => inputData.score < deps.passScore, refinementLoop],
      [async ({ inputData }) => inputData.score >= deps.passScore, createSkipRefinementStep(deps)],
    ])
    .map(
      async ({ inputData }) => {
        const reviewed = inputData['refinement-loop'] ?? inputData['skip-refinement'];
        if (!reviewed) throw new Error('refinement produced no plan');
        return reviewed satisfies ReviewedPlan;
      },
      { id: 'refined-plan' },
    )
    .then(createApprovalStep(deps))
    .then(createImplementStep(deps))
    .commit();
}

/**
 * After Mastra has persisted the run's snapshot: a suspension is the approval gate asking (recorded
 * now, so that an answer always finds a resumable run); a failure the phases did not record (e.g.
 * invalid step input) ends the run here.
 */
async function onRunFinished(
  deps: WorkflowDeps,
  result: WorkflowFinishCallbackResult,
): Promise<void> {
  if (result.status === 'suspended') {
    const gate = result.steps[approvalStepId] as
      | { suspendPayload?: { planId?: string; score?: number } }
      | undefined;
    await recordApprovalRequest(deps.pool, deps, result.runId, {
      planId: gate?.suspendPayload?.planId ?? '',
      score: gate?.suspendPayload?.score ?? 0,
    });
    return;
  }
  if (result.status !== 'failed') return;
  const run = await selectUnfinishedRun(deps.pool, result.runId);
  if (!run) return;
  const error = new Error(result.error?.message ?? 'workflow failed');
  await failRun(
    deps.pool,
    { runId: run.id, mastraRunId: result.runId, attempt: run.attempt, input: run.input },
    run.current_phase,
    error,
  );
}
