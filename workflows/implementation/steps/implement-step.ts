import { createStep } from '@mastra/core/workflows';
import type { Implementation } from '../../../src/domain/contracts/implementation.ts';
import type { Plan } from '../../../src/domain/contracts/plan.ts';
import { saveArtifact } from '../../../src/db/runs/save-artifact.ts';
import { loadArtifact } from '../../../src/db/runs/select-artifacts.ts';
import { loadCheckpoint } from '../checkpoints.ts';
import { requirementCoverage } from '../coverage.ts';
import { callAgent, guardPhase, phaseRequest, since } from '../phase-runner.ts';
import { completePhase, completeRun, enterPhase, openAttempt } from '../run-records.ts';
import {
  approvedPlanSchema,
  implementationOutputSchema,
  type ImplementationMetrics,
  type ImplementationOutput,
} from '../schemas.ts';
import type { WorkflowDeps } from '../workflow-deps.ts';

interface ImplementCheckpoint {
  implementationId: string;
  metrics: ImplementationMetrics;
}

function toOutput(
  implementation: Implementation,
  metrics: ImplementationMetrics,
): ImplementationOutput {
  return {
    implementation: implementation.implementation,
    documentation: implementation.documentation,
    tests: implementation.tests,
    metrics,
  };
}

/**
 * Phase 4: the implementer turns the approved plan into code, documentation and tests. The result is
 * stored; the workflow's output is seed 003's shape with the metrics computed here.
 */
export function createImplementStep(deps: WorkflowDeps) {
  return createStep({
    id: 'implement-phase',
    description:
      'Phase 4: the implementer writes code, documentation and tests for the approved plan',
    inputSchema: approvedPlanSchema,
    outputSchema: implementationOutputSchema,
    execute: async ({ inputData, runId, mastra, abortSignal }) => {
      const attempt = await openAttempt(deps.pool, runId);
      const saved = await loadCheckpoint<ImplementCheckpoint>(
        deps.pool,
        attempt.runId,
        'implement',
      );
      if (saved) {
        // Crashed between the checkpoint and the run's completion: finish without calling the agent again.
        await completeRun(deps.pool, attempt, saved.output.metrics, saved.output.implementationId);
        const stored = await loadArtifact<Implementation>(
          deps.pool,
          saved.output.implementationId,
          'implementation',
        );
        return toOutput(stored.content, saved.output.metrics);
      }
      const run = { deps, attempt, phase: 'implement' as const, mastra, abortSignal };
      return guardPhase(run, async () => {
        const started = performance.now();
        await enterPhase(deps.pool, attempt, 'implement');
        const plan = await loadArtifact<Plan>(deps.pool, inputData.planId, ['plan', 'refinement']);
        const request = phaseRequest(attempt.input);
        const implementation: Implementation = await callAgent(run, (ctx) =>
          deps.agents.implement({ ...request, plan: plan.content }, ctx),
        );
        const implementationId = await saveArtifact(deps.pool, {
          runId: attempt.runId,
          kind: 'implementation',
          attempt: attempt.attempt,
          content: implementation,
        });
        const implementationTime = since(started);
        const metrics: ImplementationMetrics = {
          planScore: inputData.score,
          implementationTime,
          testCoverage: requirementCoverage(request.requirements, implementation.tests),
        };
        await completePhase(deps.pool, attempt, {
          phase: 'implement',
          checkpoint: { implementationId, metrics } satisfies ImplementCheckpoint,
          durationMs: implementationTime,
          nextPhase: null,
          artifactId: implementationId,
        });
        await completeRun(deps.pool, attempt, metrics, implementationId);
        return toOutput(implementation, metrics);
      });
    },
  });
}
