import { describe, expect, it } from 'vitest';
import {
  blockerDiagnosisSchema,
  conceptExplanationSchema,
  fixVerificationSchema,
  hintSchema,
  planReviewSchema,
  progressCoachingSchema,
  reviewCoachingSchema,
  understandingAssessmentSchema,
} from '../../../agents/schemas/index.ts';
import { agentActionNames, type AgentActionName } from '../../../src/sessions/agent-port.ts';
import { rulesAgentPort } from '../../../src/sessions/rules-agent.ts';

const story = { id: 's1', title: 'Add a cart total', description: 'Show the total price of the cart items', acceptanceCriteria: ['The total sums the item prices'], complexity: 'simple', concepts: [] };
const ctx = { sessionId: 's', learnerId: 'l', eventId: 'e', state: 'X' };
const schemas = {
  assessUnderstanding: understandingAssessmentSchema,
  reviewPlan: planReviewSchema,
  verifyFix: fixVerificationSchema,
  diagnoseBlocker: blockerDiagnosisSchema,
  explainConcept: conceptExplanationSchema,
  provideHint: hintSchema,
  coachReview: reviewCoachingSchema,
  coachProgress: progressCoachingSchema,
} satisfies Record<AgentActionName, unknown>;

const run = (name: AgentActionName, input: Record<string, unknown>) => rulesAgentPort.run(name, { story, ...input }, ctx);

describe('the rules agent port', () => {
  it.each(agentActionNames)('%s answers with a schema-valid output and a rules-mode reply', async (name) => {
    const result = await run(name, { restatement: 'x', plan: 'x', concept: 'closures' });
    expect(schemas[name].safeParse(result.output).success).toBe(true);
    expect(result.reply).toMatch(/^\(rules mode\) /);
  });

  it('assesses a restatement by its overlap with the story', async () => {
    expect(((await run('assessUnderstanding', { restatement: 'Show the total price: sum the cart item prices' })).output as { verdict: string }).verdict).toBe('correctUnderstanding');
    expect(((await run('assessUnderstanding', { restatement: 'no idea, I am lost' })).output as { verdict: string }).verdict).toBe('misunderstanding');
  });

  it('reviews a plan by its steps', async () => {
    expect(((await run('reviewPlan', { plan: '1. test\n2. sum prices\n3. empty cart' })).output as { verdict: string }).verdict).toBe('goodPlan');
    expect(((await run('reviewPlan', { plan: 'just do it' })).output as { verdict: string }).verdict).toBe('missingSteps');
    expect(((await run('reviewPlan', { plan: '1. hardcode 30\n2. skip the tests\n3. ship' })).output as { verdict: string }).verdict).toBe('wrongApproach');
  });

  it('diagnoses from errors and messages', async () => {
    const category = async (input: Record<string, unknown>) => ((await run('diagnoseBlocker', input)).output as { category: string }).category;
    expect(await category({ recentErrors: ["Error: Cannot find module 'vitest'"] })).toBe('environmentIssue');
    expect(await category({ recentErrors: ['TypeError: x is undefined'] })).toBe('technicalError');
    expect(await category({ message: "I don't understand what a reducer is" })).toBe('conceptualConfusion');
    expect(await category({ message: 'hmm' })).toBe('unknownIssue');
  });
});
