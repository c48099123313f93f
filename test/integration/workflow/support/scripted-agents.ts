import type { Implementation } from '../../../../src/domain/contracts/implementation.ts';
import type { PlanReview } from '../../../../src/domain/contracts/plan-review.ts';
import type { Plan, RefinedPlan } from '../../../../src/domain/contracts/plan.ts';
import type { AgentPort } from '../../../../workflows/implementation/agent-port.ts';

type Call = 'plan' | 'review' | 'refine' | 'implement';

export interface Script {
  /** Scores the reviewer gives, in order (the last one repeats). */
  reviewScores: number[];
  /** Errors to throw, per agent, before answering (consumed in order). */
  failures?: Partial<Record<Call, unknown[]>>;
  /** Held until resolved: the implementer waits on it (a long phase, for crash tests). */
  implementGate?: Promise<void>;
  /** Tests the implementer writes; default one per requirement. */
  tests?: (requirements: string[]) => string[];
}

/** A scripted stand-in for the four agents: deterministic answers, recorded calls, injected failures. */
export function scriptedAgents(script: Script): AgentPort & { calls: Call[] } {
  const calls: Call[] = [];
  let reviews = 0;
  const maybeFail = (call: Call) => {
    calls.push(call);
    const pending = script.failures?.[call];
    if (pending?.length) throw pending.shift();
  };
  return {
    calls,
    async plan(input) {
      maybeFail('plan');
      return {
        summary: `Plan for ${input.request}`,
        steps: input.requirements.map((r) => ({
          title: r,
          detail: `Implement ${r}`,
          verification: `A test for ${r} passes`,
        })),
        risks: [],
        successMetrics: ['tests pass'],
      } satisfies Plan;
    },
    async review() {
      maybeFail('review');
      const score = script.reviewScores[Math.min(reviews, script.reviewScores.length - 1)]!;
      reviews++;
      return {
        score,
        verdict: score >= 80 ? 'goodPlan' : 'missingSteps',
        criteria: [],
        missingSteps: score >= 80 ? [] : ['A step for error handling'],
        concerns: [],
        reply: `Scored ${score}`,
      } satisfies PlanReview;
    },
    async refine(input) {
      maybeFail('refine');
      return {
        ...input.plan,
        steps: [
          ...input.plan.steps,
          { title: 'Errors', detail: 'Handle errors', verification: 'error tests pass' },
        ],
        changes: ['Added step: Handle errors'],
      } satisfies RefinedPlan;
    },
    async implement(input, ctx) {
      maybeFail('implement');
      if (script.implementGate) {
        await Promise.race([
          script.implementGate,
          new Promise((_, reject) =>
            ctx.abortSignal.addEventListener('abort', () => reject(ctx.abortSignal.reason), {
              once: true,
            }),
          ),
        ]);
      }
      return {
        implementation: `export function feature() { /* ${input.request} */ }`,
        documentation: `# ${input.request}`,
        tests: script.tests
          ? script.tests(input.requirements)
          : input.requirements.map((r) => `it('${r}')`),
        notes: [],
      } satisfies Implementation;
    },
  };
}
