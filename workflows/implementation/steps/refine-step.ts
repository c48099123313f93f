import { createStep } from '@mastra/core/workflows';
import type { PlanReview } from '../../../src/domain/contracts/plan-review.ts';
import type { Plan, RefinedPlan } from '../../../src/domain/contracts/plan.ts';
import { AppError } from '../../../src/errors/app-error.ts';
import { saveArtifact } from '../../../src/db/runs/save-artifact.ts';
import { loadArtifact } from '../../../src/db/runs/select-artifacts.ts';
import { loadCheckpoint } from '../checkpoints.ts';
import { callAgent, guardPhase, phaseRequest, since } from '../phase-runner.ts';
import { completePhase, enterPhase, openAttempt } from '../run-records.ts';
import { reviewedPlanSchema, type ReviewedPlan } from '../schemas.ts';
import type { WorkflowDeps } from '../workflow-deps.ts';
import { phaseAfterRefinement } from './review-step.ts';

/**
 * The refinement bound was reached with the plan still below the pass score. Decision: the run
 * FAILS rather than implementing a plan the review rejected — a gate that lets everything through
 * is no gate. Every plan and review stays stored, and `restartRun(id, { fromPhase: 'refine' })`
 * grants a fresh round of refinements.
 */
export function planBelowThreshold(
  score: number,
  refinements: number,
  passScore: number,
): AppError {
  return new AppError(
    'GUARD_REJECTED',
    `plan scored ${score} after ${refinements} refinement${refinements === 1 ? '' : 's'}; ${passScore} is needed to implement it`,
    {
      details: { reason: 'planBelowThreshold', score, refinements, passScore },
    },
  );
}

/**
 * Phase 3, one round: the refiner improves the plan from its review, the reviewer scores the refined
 * plan. The loop around it repeats while the score stays below the pass score, within the bound.
 */
export function createRefineStep(deps: WorkflowDeps) {
  return createStep({
    id: 'refine-phase',
    description: 'Phase 3: refine the plan from its review and review it again',
    inputSchema: reviewedPlanSchema,
    outputSchema: reviewedPlanSchema,
    execute: async ({ inputData, runId, mastra, abortSignal }) => {
      const attempt = await openAttempt(deps.pool, runId);
      const saved = await loadCheckpoint<ReviewedPlan>(deps.pool, attempt.runId, 'refine');
      if (saved) return saved.output;
      const maxRefinements = attempt.input.maxRefinements ?? deps.maxRefinements;
      const run = { deps, attempt, phase: 'refine' as const, mastra, abortSignal };
      return guardPhase(run, async () => {
        if (inputData.refinements >= maxRefinements)
          throw planBelowThreshold(inputData.score, inputData.refinements, deps.passScore);
        const iteration = inputData.refinements + 1;
        const started = performance.now();
        await enterPhase(deps.pool, attempt, 'refine', iteration);
        const request = phaseRequest(attempt.input);
        const plan = await loadArtifact<Plan>(deps.pool, inputData.planId, ['plan', 'refinement']);
        const review = await loadArtifact<PlanReview>(deps.pool, inputData.reviewId, 'review');
        const refined: RefinedPlan = await callAgent(run, (ctx) =>
          deps.agents.refine({ ...request, plan: plan.content, review: review.content }, ctx),
        );
        const refinedId = await saveArtifact(deps.pool, {
          runId: attempt.runId,
          kind: 'refinement',
          attempt: attempt.attempt,
          iteration,
          content: refined,
        });
        const newReview: PlanReview = await callAgent(run, (ctx) =>
          deps.agents.review({ ...request, plan: refined }, ctx),
        );
        const reviewId = await saveArtifact(deps.pool, {
          runId: attempt.runId,
          kind: 'review',
          attempt: attempt.attempt,
          iteration,
          content: newReview,
        });
        const output: ReviewedPlan = {
          runId: attempt.runId,
          planId: refinedId,
          reviewId,
          score: newReview.score,
          refinements: iteration,
        };
        const passed = newReview.score >= deps.passScore;
        await completePhase(deps.pool, attempt, {
          phase: 'refine',
          // Only the round that passes completes the phase; a restart from `refine` starts the rounds over.
          ...(passed ? { checkpoint: output } : {}),
          durationMs: since(started),
          score: newReview.score,
          nextPhase: passed
            ? phaseAfterRefinement(attempt.input)
            : iteration < maxRefinements
              ? 'refine'
              : null,
          artifactId: refinedId,
          iteration,
        });
        if (!passed && iteration >= maxRefinements)
          throw planBelowThreshold(newReview.score, iteration, deps.passScore);
        return output;
      });
    },
  });
}

/** The review passed at once: refinement has nothing to do, but records its checkpoint for restarts. */
export function createSkipRefinementStep(deps: WorkflowDeps) {
  return createStep({
    id: 'skip-refinement',
    description: 'Phase 3 skipped: the plan already scores at least the pass score',
    inputSchema: reviewedPlanSchema,
    outputSchema: reviewedPlanSchema,
    execute: async ({ inputData, runId }) => {
      const attempt = await openAttempt(deps.pool, runId);
      const saved = await loadCheckpoint<ReviewedPlan>(deps.pool, attempt.runId, 'refine');
      if (saved) return saved.output;
      await completePhase(deps.pool, attempt, {
        phase: 'refine',
        checkpoint: inputData,
        durationMs: 0,
        nextPhase: phaseAfterRefinement(attempt.input),
        silent: true,
      });
      return inputData;
    },
  });
}
