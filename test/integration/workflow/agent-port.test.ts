import {
  APICallError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
} from '@ai-sdk/provider';
import { Agent } from '@mastra/core/agent';
import { MockLanguageModelV4 } from 'ai/test';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { implementerAgent } from '../../../agents/implementer.ts';
import { planRefinerAgent } from '../../../agents/plan-refiner.ts';
import { planReviewerAgent } from '../../../agents/plan-reviewer.ts';
import { plannerAgent } from '../../../agents/planner.ts';
import { tokenUsage } from '../../../src/db/console/token-usage.ts';
import { readModelInput } from '../../../src/models/model-input.ts';
import { renderDashboard, runMetrics } from '../../../src/runs/run-metrics.ts';
import { closeHarnesses, eventsOf, harness, pool, sampleInput } from './support/harness.ts';

afterEach(closeHarnesses);
afterAll(() => pool.end());

function jsonAnswer(value: unknown): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(value) }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 1, text: 1, reasoning: 0 },
    },
    warnings: [],
  };
}

const plan = {
  summary: 'Add OAuth and MFA',
  steps: [{ title: 'OAuth', detail: 'Add the OAuth callback', verification: 'OAuth test passes' }],
  risks: [],
  successMetrics: ['tests pass'],
};
const review = (score: number) => ({
  score,
  verdict: score >= 80 ? 'goodPlan' : 'missingSteps',
  criteria: [],
  missingSteps: [],
  concerns: [],
  reply: 'ok',
});
const implementation = {
  implementation: 'export const login = () => {};',
  documentation: '# Login',
  tests: ["it('OAuth support works')", "it('MFA capability works')"],
  notes: [],
};

/** A stand-in for one agent, with a mock model; `answers` are consumed in order (a function may throw). */
function mockAgent(id: string, answers: Array<unknown | (() => never)>) {
  const calls: LanguageModelV4CallOptions[] = [];
  const model = new MockLanguageModelV4({
    doGenerate: async (options) => {
      calls.push(options);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      if (typeof next === 'function') (next as () => never)();
      return jsonAnswer(next);
    },
  });
  return { agent: new Agent({ id, name: id, instructions: `You are ${id}.`, model }), calls };
}

describe('default agent port (the app agents through runAgentAction)', () => {
  it('calls the four agents with structured input and structured output, retrying a 429', async () => {
    const planner = mockAgent('planner', [plan]);
    const reviewer = mockAgent('plan-reviewer', [review(70), review(88)]);
    const refiner = mockAgent('plan-refiner', [{ ...plan, changes: ['Added MFA step'] }]);
    const implementer = mockAgent('implementer', [
      () => {
        throw new APICallError({
          message: 'Too many requests',
          url: 'http://model.test',
          requestBodyValues: {},
          statusCode: 429,
          isRetryable: true,
        });
      },
      implementation,
    ]);
    const { service, sleeps } = harness({
      // Registered under the app's registry keys, where runAgentAction looks them up.
      mastraOptions: {
        agents: {
          plannerAgent: planner.agent,
          planReviewerAgent: reviewer.agent,
          planRefinerAgent: refiner.agent,
          implementerAgent: implementer.agent,
        },
      },
    });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();

    const run = await service.getRun(id);
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({
      implementation: implementation.implementation,
      documentation: implementation.documentation,
      tests: implementation.tests,
      metrics: { planScore: 88, implementationTime: expect.any(Number), testCoverage: 100 },
    });
    expect(planner.calls).toHaveLength(1);
    expect(readModelInput(planner.calls[0]!.prompt).input).toMatchObject({
      request: sampleInput.request,
      requirements: sampleInput.requirements,
    });
    expect(planner.calls[0]!.responseFormat).toMatchObject({ type: 'json' });
    // The reviewer reads the plan as text and the requirements as acceptance criteria.
    const reviewInput = readModelInput(reviewer.calls[0]!.prompt).input as {
      plan: string;
      story: { acceptanceCriteria: string[] };
    };
    expect(reviewInput.plan).toContain('1. OAuth: Add the OAuth callback');
    expect(reviewInput.story.acceptanceCriteria).toEqual(sampleInput.requirements);
    expect(reviewer.calls).toHaveLength(2);
    expect(implementer.calls).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
    expect((await eventsOf(service, id)).find((e) => e.type === 'step.retry')?.data).toMatchObject({
      phase: 'implement',
      reason: 'rateLimit',
    });

    // Seed 003's agent performance: every answered call is in the log with its model and tokens
    // (the 429 answered nothing), and the dashboard counts them per agent.
    const calls = (await eventsOf(service, id)).filter((e) => e.type === 'agent.called');
    expect(calls.map((e) => [e.data.phase, e.data.agentId])).toEqual([
      ['plan', 'planner'],
      ['review', 'plan-reviewer'],
      ['refine', 'plan-refiner'],
      ['refine', 'plan-reviewer'],
      ['implement', 'implementer'],
    ]);
    for (const call of calls)
      expect(call.data).toMatchObject({
        // The registered stand-ins hold their own model; the app's agents take theirs from context.
        model: expect.any(String),
        tokensIn: 1,
        tokensOut: 1,
        fallback: false,
        latencyMs: expect.any(Number),
      });
    const metrics = await runMetrics(pool);
    expect(metrics.agents.find((a) => a.agentId === 'plan-reviewer')).toMatchObject({
      calls: 2,
      tokensIn: 2,
      tokensOut: 2,
      fallbackCalls: 0,
    });
    expect(renderDashboard(metrics)).toMatch(/plan-reviewer: 2 calls, 4 tokens/);
    const usage = await tokenUsage(pool);
    expect(usage.reduce((sum, u) => sum + u.calls, 0)).toBe(5);
    expect(usage.reduce((sum, u) => sum + u.tokensIn + u.tokensOut, 0)).toBe(10);
  });

  it('does not retry an answer that fails the schema', async () => {
    const planner = mockAgent('planner', [{ summary: 'no steps' }]);
    const { service, sleeps } = harness({
      mastraOptions: { agents: { plannerAgent: planner.agent } },
    });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    // One call, plus the single re-ask the action layer makes for malformed structured output; no backoff.
    expect(planner.calls).toHaveLength(2);
    expect(sleeps).toEqual([]);
    const run = await service.getRun(id);
    expect(run).toMatchObject({ status: 'failed', error: { phase: 'plan' } });
    expect(run.error).toMatchObject({
      code: 'MODEL_ERROR',
      message: expect.stringMatching(/Structured output validation failed/),
    });
    expect(run.error!.reason).toBeUndefined();
  });

  it('runs offline end to end with the real agents in rules mode', async () => {
    const { service } = harness({
      mastraOptions: {
        agents: { plannerAgent, planReviewerAgent, planRefinerAgent, implementerAgent },
      },
    });
    const { id } = await service.startImplementationRun(sampleInput);
    await service.idle();
    const run = await service.getRun(id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.output!.metrics.planScore).toBeGreaterThanOrEqual(80);
    expect(run.output!.implementation).toContain('rules mode');
    expect(run.output!.metrics.testCoverage).toBe(100);
  });
});
