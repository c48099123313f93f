import type { AgentAdapter, AgentRequest } from '../../../evals/agent-adapter.ts';

/**
 * A stand-in for the agents: answers every action with a schema-valid output built by `answer`
 * (which gets the request), and records the requests it saw.
 */
export function fakeAdapter(
  answer: (request: AgentRequest) => Record<string, unknown>,
): AgentAdapter & { requests: AgentRequest[] } {
  const requests: AgentRequest[] = [];
  const adapter = async (request: AgentRequest) => {
    requests.push(request);
    const output = { ...defaults[request.action], ...answer(request) };
    return {
      output,
      reply: typeof output.reply === 'string' ? output.reply : undefined,
      usage: { inputTokens: 10, outputTokens: 5 },
      latencyMs: 3,
      model: 'fake/model',
      fallback: false,
    };
  };
  return Object.assign(adapter, { requests });
}

const defaults: Record<string, Record<string, unknown>> = {
  diagnoseBlocker: {
    category: 'unknownIssue',
    confidence: 0.5,
    evidence: [],
    summary: 's',
    nextStep: 'n',
    reply: 'r',
  },
  assessUnderstanding: {
    verdict: 'partialUnderstanding',
    confidence: 0.5,
    coveredPoints: [],
    missingPoints: [],
    wrongPoints: [],
    reply: 'r',
  },
  reviewPlan: {
    score: 70,
    verdict: 'missingSteps',
    criteria: [],
    missingSteps: [],
    concerns: [],
    reply: 'r',
  },
  provideHint: {
    depth: 1,
    concept: '',
    hint: 'h',
    question: 'q',
    reply: 'What do you expect this line to do?',
  },
  explainConcept: {
    concept: 'c',
    explanation: 'e',
    example: { language: 'js', code: 'x', caption: 'c' },
    checkQuestion: 'q',
    reply: 'r',
  },
};
