import { runAgentAction } from '../../agents/mentor-actions.ts';
import type { AgentActionName, AgentPort } from '../../src/sessions/agent-port.ts';

/** Model options for the local fake OpenAI-compatible server, retrying without waiting. */
export function fakeServerModelOptions(baseURL: string) {
  return {
    env: {},
    apiKey: 'test-key',
    baseURL,
    resilience: { sleep: async () => undefined, random: () => 0 },
  };
}

/**
 * An agent port that answers `action` from the fake server's model over HTTP and every other action
 * in rules mode, passing on what a session gives a call (the story, its reference solution, the
 * live reply stream and the earlier replies the leak guard reads).
 */
export function portWithServerModel(action: AgentActionName, baseURL: string): AgentPort {
  const modelOptions = fakeServerModelOptions(baseURL);
  return {
    run: (name, input, ctx) =>
      runAgentAction(name, input as never, {
        story: ctx.story,
        referenceSolution: ctx.referenceSolution,
        ...(ctx.replyStream ? { replyStream: ctx.replyStream } : {}),
        ...(ctx.earlierReplies ? { leakGuard: { earlierReplies: ctx.earlierReplies } } : {}),
        ...(name === action ? { model: 'openai/gpt-4o-mini', modelOptions } : {}),
      }),
  };
}
