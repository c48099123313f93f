import type { LanguageModelV4 } from '@ai-sdk/provider';
import { type MentorActionName, runAgentAction } from '../agents/mentor-actions.ts';
import type { Story } from '../src/domain/contracts/learner.ts';

/** One agent call the runner wants: which action (and so which agent), its input, the story context. */
export interface AgentRequest {
  action: MentorActionName;
  input: Record<string, unknown>;
  story?: Story;
  /** Given to the agent's leak guard exactly as a session would; never part of the prompt. */
  referenceSolution?: string;
}

/** What the runner needs back from an agent call. */
export interface AgentAnswer {
  /** The agent's structured output. */
  output: unknown;
  /** The learner-facing reply, when the action has one. */
  reply?: string;
  usage: { inputTokens: number; outputTokens: number };
  latencyMs: number;
  /** `provider/model-id` that answered. */
  model: string;
  /** The configured model failed and rules mode answered. */
  fallback: boolean;
  /** What the agent's own leak guard did (`pass`, `rewritten`, `refused`). */
  guard?: string;
}

/** The seam between the runner and the agents; tests pass a fake. */
export type AgentAdapter = (request: AgentRequest) => Promise<AgentAnswer>;

/**
 * The real adapter: `runAgentAction` — the same path sessions use (input validation, structured
 * output, rules fallback, leak guard) — without memory, so cases do not influence each other.
 * `model` is a `provider/model-id` (or a model instance); unset means the environment decides, which
 * offline is rules mode.
 */
export function mentorAgentAdapter(
  options: { model?: string | LanguageModelV4 } = {},
): AgentAdapter {
  return async (request) => {
    const result = await runAgentAction(request.action, request.input as never, {
      ...(request.story ? { story: request.story } : {}),
      ...(request.referenceSolution ? { referenceSolution: request.referenceSolution } : {}),
      ...(options.model ? { model: options.model } : {}),
    });
    return {
      output: result.output,
      ...(result.reply !== undefined ? { reply: result.reply } : {}),
      usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens },
      latencyMs: result.usage.latencyMs,
      model: result.model,
      fallback: result.fallback !== undefined,
      guard: result.guard.action,
    };
  };
}
