import type { LanguageModelV4 } from '@ai-sdk/provider';
import { Agent } from '@mastra/core/agent';
import type { MastraMemory } from '@mastra/core/memory';
import type { RequestContext } from '@mastra/core/request-context';
import type { ToolsInput } from '@mastra/core/agent';
import { resolveModel, type ResolveModelOptions } from '../src/models/resolve-model.ts';
import { createLeakGuardProcessor } from './leak-guard-processor.ts';
import { offlineMentorMemory } from './memory.ts';

/** Request-context keys the agents' model function reads (set by runAgentAction, tests, the HTTP layer). */
export const modelContextKeys = {
  /** A LanguageModelV4 to use instead of the resolved one (rules fallback, tests). */
  model: 'mentorflow.model',
  /** ResolveModelOptions for resolveModel (per-request model id, key, base URL). */
  modelOptions: 'mentorflow.modelOptions',
} as const;

/** Agent ids, kebab-case; `MODEL_<ID_IN_SCREAMING_SNAKE>` overrides the model of one agent. */
export type AgentId =
  | 'blocker-diagnosis'
  | 'concept-explainer'
  | 'understanding-assessor'
  | 'plan-reviewer'
  | 'planner'
  | 'plan-refiner'
  | 'implementer'
  | 'hint-giver'
  | 'fix-verifier'
  | 'review-coach'
  | 'progress-coach'
  | 'activity-reader';

export interface MentorAgentSpec {
  id: AgentId;
  name: string;
  description: string;
  instructions: string;
  /** Replies go to the learner: the leak guard and the learner profile apply. */
  learnerFacing: boolean;
  tools?: ToolsInput;
}

export interface CreateAgentOptions {
  /** Conversation memory; learner-facing agents get it, storage comes from the Mastra instance. */
  memory?: MastraMemory;
}

/** The model an agent uses for one call: a request-context override, else `resolveModel` (env + options). */
export function modelForCall(
  agentId: AgentId,
  requestContext: RequestContext | undefined,
): LanguageModelV4 {
  const override = requestContext?.get(modelContextKeys.model) as LanguageModelV4 | undefined;
  if (override) return override;
  return resolveModel(
    agentId,
    requestContext?.get(modelContextKeys.modelOptions) as ResolveModelOptions | undefined,
  ).model;
}

/** Agents built by `createMentorAgent`: their model is whatever the request context says. */
const mentorAgents = new WeakSet<Agent>();

/** Whether `agent` takes its model from the request context (`modelContextKeys.model`). */
export function takesModelFromContext(agent: Agent): boolean {
  return mentorAgents.has(agent);
}

/** Build a Mastra Agent from its spec; the model is resolved per call, so env changes apply without a restart. */
export function createMentorAgent(spec: MentorAgentSpec, options: CreateAgentOptions = {}): Agent {
  const agent = new Agent({
    id: spec.id,
    name: spec.name,
    description: spec.description,
    instructions: spec.instructions,
    model: ({ requestContext }) =>
      modelForCall(spec.id, requestContext as RequestContext | undefined),
    ...(spec.tools ? { tools: spec.tools } : {}),
    ...(spec.learnerFacing ? { outputProcessors: [createLeakGuardProcessor()] } : {}),
    // Outside a Mastra instance with storage the memory would fail on every call: use process-local memory there.
    ...(spec.learnerFacing && options.memory
      ? { memory: ({ mastra }) => (mastra?.getStorage() ? options.memory! : offlineMentorMemory()) }
      : {}),
  });
  mentorAgents.add(agent);
  return agent;
}
