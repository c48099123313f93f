import { createStep } from '@mastra/core/workflows';
import type { PlanReview } from '../../../src/domain/contracts/plan-review.ts';
import type { Plan } from '../../../src/domain/contracts/plan.ts';
import { saveArtifact } from '../../../src/db/runs/save-artifact.ts';
import { loadArtifact } from '../../../src/db/runs/select-artifacts.ts';
import { loadCheckpoint } from '../checkpoints.ts';
import { callAgent, guardPhase, phaseRequest, since } from '../phase-runner.ts';
import { completePhase, enterPhase, openAttempt } from '../run-records.ts';
import {
  planRefSchema,
  reviewedPlanSchema,
  type ImplementationInput,
  type Phase,
  type ReviewedPlan,
} from '../schemas.ts';
import type { WorkflowDeps } from '../workflow-deps.ts';

/** Where a run goes once its plan passes review. */
export function phaseAfterRefinement(input: ImplementationInput): Phase {
  return input.approval ? 'approval' : 'implement';
}

/** Phase 2: the reviewer scores the plan 0–100 against its criteria; the report is stored. */
export function createReviewStep(deps: WorkflowDeps) {
  return createStep({
    id: 'review-phase',
    description: 'Phase 2: the reviewer scores the plan 0-100 and lists what is missing',
    inputSchema: planRefSchema,
    outputSchema: reviewedPlanSchema,
    execute: async ({ inputData, runId, mastra, abortSignal }) => {
      const attempt = await openAttempt(deps.pool, runId);
      const saved = await loadCheckpoint<ReviewedPlan>(deps.pool, attempt.runId, 'review');
      if (saved) return saved.output;
      const run = { deps, attempt, phase: 'review' as const, mastra, abortSignal };
      return guardPhase(run, async () => {
        const started = performance.now();
        await enterPhase(deps.pool, attempt, 'review');
        const plan = await loadArtifact<Plan>(deps.pool, inputData.planId, 'plan');
        const review: PlanReview = await callAgent(run, (ctx) =>
          deps.agents.review({ ...phaseRequest(attempt.input), plan: plan.content }, ctx),
        );
        const reviewId = await saveArtifact(deps.pool, {
          runId: attempt.runId,
          kind: 'review',
          attempt: attempt.attempt,
          content: review,
        });
        const output: ReviewedPlan = {
          runId: attempt.runId,
          planId: inputData.planId,
          reviewId,
          score: review.score,
          refinements: 0,
        };
        const mayRefine = (attempt.input.maxRefinements ?? deps.maxRefinements) > 0;
        await completePhase(deps.pool, attempt, {
          phase: 'review',
          checkpoint: output,
          durationMs: since(started),
          score: review.score,
          // Below the pass score with no refinement allowed, the run fails next (in the refine step).
          nextPhase:
            review.score >= deps.passScore
              ? phaseAfterRefinement(attempt.input)
              : mayRefine
                ? 'refine'
                : null,
          artifactId: reviewId,
        });
        return output;
      });
    },
  });
}
