import type { MastraDBMessage } from '@mastra/core/agent/message-list';
import type { ScorerRunInputForAgent, ScorerRunOutputForAgent } from '@mastra/core/evals';
import type { MastraModelConfig } from '@mastra/core/llm';
import { createCompletenessScorer, createToxicityScorer } from '@mastra/evals/scorers/prebuilt';

/**
 * The prebuilt scorers of `@mastra/evals` the runner uses, and the agent-run shape they read. Ours
 * are called through `runAgentAction`, not `Agent.generate`, so a case's learner message and reply
 * are wrapped as the one user message and one assistant message of an agent run.
 */

function message(role: 'user' | 'assistant', text: string): MastraDBMessage {
  return {
    id: `eval-${role}`,
    role,
    createdAt: new Date(0),
    content: { format: 2, parts: [{ type: 'text', text }], content: text },
  };
}

/** A learner message and the agent's reply as the `{ input, output }` of an agent run. */
export function asAgentRun(
  learnerMessage: string,
  reply: string,
): { input: ScorerRunInputForAgent; output: ScorerRunOutputForAgent } {
  return {
    input: {
      inputMessages: [message('user', learnerMessage)],
      rememberedMessages: [],
      systemMessages: [],
      taggedSystemMessages: {},
    },
    output: [message('assistant', reply)],
  };
}

/**
 * `@mastra/evals` completeness (code, no model): the share of the learner message's key elements
 * (nouns, verbs, topics, terms) the reply also covers — whether a hint or an explanation engages
 * with what the learner actually said rather than answering generically. 0–1, higher is better.
 */
export const completenessScorer = createCompletenessScorer();

/**
 * `@mastra/evals` toxicity (LLM judge): share of the judge's verdicts that find the reply toxic
 * (attacks, mockery, dismissiveness). 0–1, lower is better. Only built with `--judge`.
 */
export function createReplyToxicityScorer(model: MastraModelConfig) {
  return createToxicityScorer({ model });
}
