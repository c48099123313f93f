import { createStep } from '@mastra/core/workflows';
import type { Plan } from '../../../src/domain/contracts/plan.ts';
import { saveArtifact } from '../../../src/db/runs/save-artifact.ts';
import { loadCheckpoint } from '../checkpoints.ts';
import { callAgent, guardPhase, phaseRequest, since } from '../phase-runner.ts';
import { completePhase, enterPhase, openAttempt } from '../run-records.ts';
import { implementationInputSchema, planRefSchema, type ImplementationInput } from '../schemas.ts';
import type { WorkflowDeps } from '../workflow-deps.ts';

type PlanRef = { runId: string; planId: string };

/** Phase 1: the planner turns the request into a plan, stored as an artifact; the step passes its id. */
export function createPlanStep(deps: WorkflowDeps) {
  return createStep({
    id: 'plan-phase',
    description: 'Phase 1: the planner writes a step-by-step plan for the request',
    inputSchema: implementationInputSchema,
    outputSchema: planRefSchema,
    execute: async ({ inputData, runId, mastra, abortSignal }) => {
      const attempt = await openAttempt(deps.pool, runId, {
        createWith: inputData as ImplementationInput,
      });
      const saved = await loadCheckpoint<PlanRef>(deps.pool, attempt.runId, 'plan');
      if (saved) return saved.output;
      const run = { deps, attempt, phase: 'plan' as const, mastra, abortSignal };
      return guardPhase(run, async () => {
        const started = performance.now();
        await enterPhase(deps.pool, attempt, 'plan');
        const plan: Plan = await callAgent(run, (ctx) =>
          deps.agents.plan(phaseRequest(attempt.input), ctx),
        );
        const planId = await saveArtifact(deps.pool, {
          runId: attempt.runId,
          kind: 'plan',
          attempt: attempt.attempt,
          content: plan,
        });
        const output = { runId: attempt.runId, planId };
        await completePhase(deps.pool, attempt, {
          phase: 'plan',
          checkpoint: output,
          durationMs: since(started),
          nextPhase: 'review',
          artifactId: planId,
        });
        return output;
      });
    },
  });
}
