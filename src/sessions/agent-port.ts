/**
 * The one way the session layer calls an LLM agent action. The default port uses
 * `agents/mentor-actions.ts` (`runAgentAction`) when that module exists; until then, and whenever it
 * cannot be loaded, it answers with the deterministic rules port (`rules-agent.ts`), whose replies
 * say "(rules mode)". Tests inject a scripted port.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Story } from '../../tools/story-loader.ts';
import { rulesAgentPort } from './rules-agent.ts';

export const agentActionNames = [
  'diagnoseBlocker',
  'explainConcept',
  'provideHint',
  'assessUnderstanding',
  'reviewPlan',
  'verifyFix',
  'coachReview',
  'coachProgress',
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
}

export interface AgentActionResult {
  /** Learner-facing text. */
  readonly reply?: string;
  /** The agent's structured output (the action's schema in agents/schemas). */
  readonly output: unknown;
  readonly usage?: { readonly inputTokens?: number; readonly outputTokens?: number; readonly promptTokens?: number; readonly completionTokens?: number };
  readonly model?: string;
  /** Set when a configured model failed and the rules model answered instead (true or a description). */
  readonly fallback?: boolean | object;
}

/** Runs one agent action. */
export interface AgentPort {
  run(name: AgentActionName, input: Record<string, unknown>, ctx: AgentCallContext): Promise<AgentActionResult>;
}

/** `agents/mentor-actions.ts`'s `runAgentAction(name, input, context)`, as far as this layer uses it. */
type RunAgentAction = (
  name: AgentActionName,
  input: Record<string, unknown>,
  context: { threadId?: string; resourceId?: string; story?: Story; referenceSolution?: string },
) => Promise<AgentActionResult>;

const mentorActionsUrl = new URL('../../agents/mentor-actions.ts', import.meta.url);
let loaded: Promise<RunAgentAction | null> | undefined;

async function loadMentorActions(): Promise<RunAgentAction | null> {
  if (!existsSync(fileURLToPath(mentorActionsUrl))) return null;
  // A variable specifier: the module is another helper's and may not exist when this file is type-checked.
  const href: string = mentorActionsUrl.href;
  const mod = (await import(href)) as { runAgentAction?: RunAgentAction };
  return typeof mod.runAgentAction === 'function' ? mod.runAgentAction : null;
}

/** Which implementation the default port uses: `agents` or `rules` (resolved on first use). */
export async function agentPortMode(): Promise<'agents' | 'rules'> {
  loaded ??= loadMentorActions().catch(() => null);
  return (await loaded) ? 'agents' : 'rules';
}

/** The default port: the agents module when present, else the rules port. */
export const defaultAgentPort: AgentPort = {
  async run(name, input, ctx) {
    loaded ??= loadMentorActions().catch(() => null);
    const run = await loaded;
    if (!run) return rulesAgentPort.run(name, input, ctx);
    // One conversation thread per session, owned by the learner (their working-memory profile).
    return run(name, input, { threadId: ctx.sessionId, resourceId: ctx.learnerId, story: ctx.story, referenceSolution: ctx.referenceSolution });
  },
};
