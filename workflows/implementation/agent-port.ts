import type { Mastra } from '@mastra/core/mastra';
import {
  runAgentAction,
  type MentorActionInput,
  type MentorActionName,
  type MentorActionResult,
} from '../../agents/mentor-actions.ts';
import type { AgentCallFigures } from '../../src/domain/implementation-run.ts';
import type { Implementation } from '../../src/domain/contracts/implementation.ts';
import type { PlanReview } from '../../src/domain/contracts/plan-review.ts';
import { planToText, type Plan, type RefinedPlan } from '../../src/domain/contracts/plan.ts';

/** What every phase call gets besides its input. */
export interface AgentCallContext {
  /** The Mastra instance running the workflow (the default port uses the agents registered there). */
  mastra: Mastra | undefined;
  /** Aborted when the call times out or the run is cancelled. */
  abortSignal: AbortSignal;
  runId: string;
  /** Records a call's model, tokens and latency in the run's event log (seed 003's agent figures). */
  record?: (call: AgentCallFigures) => Promise<void>;
}

/** The request as the agents see it. */
export interface PhaseRequest {
  request: string;
  requirements: string[];
  constraints: string[];
}

/**
 * The four agents of the workflow behind one small interface, so that the workflow does not depend on
 * how they are reached: the default calls the app's agents, tests pass a scripted port.
 */
export interface AgentPort {
  plan(input: PhaseRequest, ctx: AgentCallContext): Promise<Plan>;
  review(input: PhaseRequest & { plan: Plan }, ctx: AgentCallContext): Promise<PlanReview>;
  refine(
    input: PhaseRequest & { plan: Plan; review: PlanReview },
    ctx: AgentCallContext,
  ): Promise<RefinedPlan>;
  implement(input: PhaseRequest & { plan: Plan }, ctx: AgentCallContext): Promise<Implementation>;
}

/** The agent action behind each phase (`agents/actions.ts`). */
export const phaseActions = {
  plan: 'createPlan',
  review: 'reviewPlan',
  refine: 'refinePlan',
  implement: 'implementPlan',
} as const satisfies Record<string, MentorActionName>;

/**
 * The request as a story, so that the reviewer checks that every requirement has a step (its
 * acceptance-criteria criterion).
 */
function storyOf(input: PhaseRequest) {
  if (!input.requirements.length) return undefined;
  return {
    id: 'implementation-request',
    title: input.request.slice(0, 200),
    description: [input.request, ...input.constraints.map((c) => `Constraint: ${c}`)].join('\n'),
    acceptanceCriteria: input.requirements,
  };
}

function actionContext(ctx: AgentCallContext) {
  return { abortSignal: ctx.abortSignal, ...(ctx.mastra ? { mastra: ctx.mastra } : {}) };
}

/** Run one of the phase actions, record who answered and at what cost, and return its output. */
async function call<N extends (typeof phaseActions)[keyof typeof phaseActions]>(
  name: N,
  input: MentorActionInput<N>,
  ctx: AgentCallContext,
): Promise<MentorActionResult<N>['output']> {
  const result = await runAgentAction(name, input, actionContext(ctx));
  await ctx.record?.({
    agentId: result.agentId,
    model: result.model,
    tokensIn: result.usage.inputTokens,
    tokensOut: result.usage.outputTokens,
    latencyMs: Math.round(result.usage.latencyMs),
    fallback: result.fallback !== undefined,
  });
  return result.output;
}

/**
 * The default port: the `planner`, `plan-reviewer`, `plan-refiner` and `implementer` agents through
 * `runAgentAction` (the Mastra instance's registered agents, else the module's), so that model
 * resolution, rules mode and fallback behave as everywhere else in the app.
 */
export const mastraAgentPort: AgentPort = {
  plan: (input, ctx) => call(phaseActions.plan, input, ctx),
  review: (input, ctx) => {
    const story = storyOf(input);
    return call(
      phaseActions.review,
      { plan: planToText(input.plan), ...(story ? { story } : {}) },
      ctx,
    );
  },
  refine: (input, ctx) => call(phaseActions.refine, input, ctx),
  implement: (input, ctx) => call(phaseActions.implement, input, ctx),
};
