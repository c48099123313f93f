import { simulateReadableStream } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';

const usage = {
  inputTokens: { total: 50, noCache: 50, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 20, text: 20, reasoning: 0 },
};

/**
 * A judge model answering every call with the text `respond(prompt)` returns — both generate and
 * stream, since Mastra may use either. `prompt` is the last user message's text.
 */
export function mockJudgeModel(respond: (prompt: string) => string) {
  const promptText = (options: { prompt: Array<{ role: string; content: unknown }> }) => {
    const user = [...options.prompt].reverse().find((m) => m.role === 'user');
    const content = user?.content;
    if (typeof content === 'string') return content;
    return Array.isArray(content)
      ? content
          .map((p: { type: string; text?: string }) => (p.type === 'text' ? p.text : ''))
          .join('')
      : '';
  };
  return new MockLanguageModelV4({
    provider: 'mock-judge',
    modelId: 'mock-judge',
    doGenerate: async (options) => ({
      content: [{ type: 'text', text: respond(promptText(options)) }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }),
    doStream: async (options) => {
      const text = respond(promptText(options));
      return {
        stream: simulateReadableStream({
          chunks: [
            { type: 'stream-start', warnings: [] },
            { type: 'text-start', id: 't' },
            { type: 'text-delta', id: 't', delta: text },
            { type: 'text-end', id: 't' },
            { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
          ],
        }),
      };
    },
  });
}
