/**
 * The one way the session layer calls an LLM agent action: `agents/mentor-actions.ts`
 * (`runAgentAction`), whose model layer owns retries, the circuit breaker and the rules-mode
 * fallback. With no model configured the agents run on the rules models, whose replies say
 * "(rules mode)". Tests inject a scripted port.
 */
import type { AdaptiveLevel } from './adaptive/types.ts';
import type { TracingContext } from '@mastra/core/observability';
import { actionMode, type ReplyStream, runAgentAction } from '../../agents/mentor-actions.ts';
import type { Story } from '../../tools/story-loader.ts';

export const agentActionNames = [
  'diagnoseBlocker',
  'explainConcept',
  'provideHint',
  'assessUnderstanding',
  'reviewPlan',
  'verifyFix',
  'coachReview',
  'coachProgress',
  'readActivity',
] as const;
export type AgentActionName = (typeof agentActionNames)[number];

export interface AgentCallContext {
  readonly sessionId: string;
  readonly learnerId: string;
  /** The event the turn applies: a retried turn calls with the same id. */
  readonly eventId: string;
  readonly state: string;
  /** The story's learner view. */
  readonly story?: Story;
  /** For the leak guard only; never shown to the learner. */
  readonly referenceSolution?: string;
  /** Where the reply streams while the model writes it (a learner waiting on the messages route). */
  readonly replyStream?: ReplyStream;
  /** The session's recent replies, for the leak guard of a streamed reply (pieces add up). */
  readonly earlierReplies?: string;
  /** The trace of the turn step making the call (Studio shows the agent's spans under it). */
  readonly tracingContext?: TracingContext;
  /**
   * The learner's level and help requests from their history (adaptive/profile.ts), when there is
   * one: wording and hint depth follow it.
   */
  readonly learner?: { readonly level: AdaptiveLevel; readonly helpRequests: number };
}

/** A turn's live replies: each agent call that may write to the learner opens its own stream. */
export interface TurnReplyStreams {
  /** The stream of the turn's next agent call (numbered from 0 in the turn). */
  open(): { readonly call: number; readonly stream: ReplyStream };
}

export interface AgentActionResult {
  /** Learner-facing text. */
  readonly reply?: string;
  /** The agent's structured output (the action's schema in src/domain/contracts). */
  readonly output: unknown;
  readonly usage?: {
    readonly inputTokens?: number;
    readonly outputTokens?: number;
    readonly promptTokens?: number;
    readonly completionTokens?: number;
  };
  readonly model?: string;
  /** Set when a configured model failed and the rules model answered instead (true or a description). */
  readonly fallback?: boolean | object;
}

/** Runs one agent action. */
export interface AgentPort {
  run(
    name: AgentActionName,
    input: Record<string, unknown>,
    ctx: AgentCallContext,
  ): Promise<AgentActionResult>;
  /**
   * How `run` would answer the action now: `rules` when no model is configured for its agent.
   * Lets a caller that has the rules reading itself skip a call that would only return it; a port
   * without it is always called.
   */
  modeOf?(name: AgentActionName): 'rules' | 'remote';
}

/** The default port: the Mastra agents, one conversation thread per session owned by the learner. */
export const defaultAgentPort: AgentPort = {
  async run(name, input, ctx) {
    return runAgentAction(name, input as never, {
      threadId: ctx.sessionId,
      resourceId: ctx.learnerId,
      story: ctx.story,
      referenceSolution: ctx.referenceSolution,
      ...(ctx.replyStream ? { replyStream: ctx.replyStream } : {}),
      ...(ctx.earlierReplies ? { leakGuard: { earlierReplies: ctx.earlierReplies } } : {}),
      ...(ctx.learner ? { learner: ctx.learner } : {}),
      ...(ctx.tracingContext ? { tracingContext: ctx.tracingContext } : {}),
    });
  },
  modeOf: (name) => actionMode(name),
};
