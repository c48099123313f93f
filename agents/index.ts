import type { Agent } from '@mastra/core/agent';
import type { MastraMemory } from '@mastra/core/memory';
import { activityReaderAgent, activityReaderSpec } from './activity-reader.ts';
import { blockerDiagnosisAgent, blockerDiagnosisSpec } from './blocker-diagnosis.ts';
import { conceptExplainerAgent, conceptExplainerSpec } from './concept-explainer.ts';
import { createMentorAgent, type MentorAgentSpec } from './create-mentor-agent.ts';
import { fixVerifierAgent, fixVerifierSpec } from './fix-verifier.ts';
import { hintGiverAgent, hintGiverSpec } from './hint-giver.ts';
import { implementerAgent, implementerSpec } from './implementer.ts';
import { createMentorMemory } from './memory.ts';
import { planRefinerAgent, planRefinerSpec } from './plan-refiner.ts';
import { planReviewerAgent, planReviewerSpec } from './plan-reviewer.ts';
import { plannerAgent, plannerSpec } from './planner.ts';
import { progressCoachAgent, progressCoachSpec } from './progress-coach.ts';
import { reviewCoachAgent, reviewCoachSpec } from './review-coach.ts';
import { understandingAssessorAgent, understandingAssessorSpec } from './understanding-assessor.ts';

export type { AgentId, MentorAgentSpec } from './create-mentor-agent.ts';
export { modelContextKeys } from './create-mentor-agent.ts';

/** Every agent, keyed by its camelCase export name (the key Mastra registers it under). */
export const agents = {
  blockerDiagnosisAgent,
  conceptExplainerAgent,
  understandingAssessorAgent,
  planReviewerAgent,
  plannerAgent,
  planRefinerAgent,
  implementerAgent,
  hintGiverAgent,
  fixVerifierAgent,
  reviewCoachAgent,
  progressCoachAgent,
  activityReaderAgent,
};

export type AgentKey = keyof typeof agents;

/** Registry keys, in a stable order. */
export const agentKeys = Object.keys(agents) as AgentKey[];

export const agentSpecs: Record<AgentKey, MentorAgentSpec> = {
  blockerDiagnosisAgent: blockerDiagnosisSpec,
  conceptExplainerAgent: conceptExplainerSpec,
  understandingAssessorAgent: understandingAssessorSpec,
  planReviewerAgent: planReviewerSpec,
  plannerAgent: plannerSpec,
  planRefinerAgent: planRefinerSpec,
  implementerAgent: implementerSpec,
  hintGiverAgent: hintGiverSpec,
  fixVerifierAgent: fixVerifierSpec,
  reviewCoachAgent: reviewCoachSpec,
  progressCoachAgent: progressCoachSpec,
  activityReaderAgent: activityReaderSpec,
};

/** Agent ids (kebab-case), in registry order. */
export const agentIds = agentKeys.map((key) => agentSpecs[key].id);

/**
 * A fresh set of agents with their own memory: for a second Mastra instance (tests, tools), since an
 * agent joins the storage of the Mastra instance it is registered with.
 */
export function createAgents(options: { memory?: MastraMemory } = {}): Record<AgentKey, Agent> {
  const memory = options.memory ?? createMentorMemory();
  return Object.fromEntries(
    agentKeys.map((key) => [key, createMentorAgent(agentSpecs[key], { memory })]),
  ) as Record<AgentKey, Agent>;
}
