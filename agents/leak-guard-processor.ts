import type { MastraDBMessage } from '@mastra/core/agent';
import type { OutputProcessor } from '@mastra/core/processors';
import {
  codeBlockProblem,
  guardOutput,
  guardReply,
  type LeakGuardOptions,
  refusalText,
  removedBlockText,
  withEarlierReplies,
} from './leak-guard.ts';
import { assistantTexts, earlierRepliesText } from './leak-history.ts';

/**
 * Request-context key for per-call leak guard options: the story's reference solution, and
 * `structured: true` when the call asks for structured output.
 */
export const leakGuardContextKey = 'mentorflow.leakGuard';

/**
 * The leak guard as a Mastra output processor. While streaming, text outside code fences passes
 * through at once and each fenced block is held until it closes, then passed on or replaced; at the
 * end, the assistant's answer is rewritten before memory stores it, so a leaked solution never
 * reaches the thread (which Mastra's API can list) or later turns. `runAgentAction` also guards what
 * it returns; this closes the paths around it (streamed chat, stored messages).
 */
export function createLeakGuardProcessor(defaults: LeakGuardOptions = {}): OutputProcessor {
  return {
    id: 'leak-guard',
    name: 'Leak guard',
    description: 'Removes code that gives away the story solution from assistant messages.',
    async processOutputStream({ part, state, requestContext }) {
      if (part.type !== 'text-delta' || state.structured) return part;
      const perCall = requestContext?.get(leakGuardContextKey) as
        | (LeakGuardOptions & { structured?: boolean })
        | undefined;
      // Structured answers are JSON: guarded whole at the end (and by runAgentAction), never cut mid-stream.
      if (perCall?.structured || (!state.started && /^\s*[{[]/.test(part.payload.text))) {
        state.structured = true;
        return part;
      }
      state.started = true;
      const options: LeakGuardOptions = { ...defaults, ...perCall };
      const { text, rest, inFence } = releaseGuarded(
        `${(state.pending as string | undefined) ?? ''}${part.payload.text}`,
        Boolean(state.inFence),
        options,
      );
      state.pending = rest;
      state.inFence = inFence;
      return text ? { ...part, payload: { ...part.payload, text } } : null;
    },
    processOutputResult({ messages, messageList, requestContext }) {
      const perCall: LeakGuardOptions = {
        ...defaults,
        ...(requestContext?.get(leakGuardContextKey) as LeakGuardOptions | undefined),
      };
      // The thread's earlier answers count too, whoever called (Mastra's agent routes pass none).
      const remembered = perCall.referenceSolution
        ? assistantTexts(messageList?.get.remembered.db() ?? []).filter(
            (t) => !perCall.earlierReplies?.includes(t),
          )
        : [];
      const fromThread = earlierRepliesText(remembered, perCall.referenceSolution);
      const earlierReplies = [fromThread, perCall.earlierReplies].filter(Boolean).join('\n\n');
      const options = earlierReplies ? { ...perCall, earlierReplies } : perCall;
      return messages.map((message) =>
        message.role === 'assistant' ? guardMessage(message, options) : message,
      );
    },
  };
}

function guardMessage(message: MastraDBMessage, options: LeakGuardOptions): MastraDBMessage {
  const parts = message.content.parts.map((part) =>
    part.type === 'text' ? { ...part, text: guardText(part.text, options) } : part,
  );
  const content =
    typeof message.content.content === 'string'
      ? guardText(message.content.content, options)
      : message.content.content;
  // Mastra keeps the structured answer in metadata as well; it must not keep the leak either.
  const metadata = message.content.metadata;
  const structured = metadata?.structuredOutput;
  const guardedMetadata =
    structured && typeof structured === 'object'
      ? { ...metadata, structuredOutput: guardOutput(structured, options).output }
      : metadata;
  return {
    ...message,
    content: {
      ...message.content,
      parts,
      ...(content !== undefined ? { content } : {}),
      ...(guardedMetadata ? { metadata: guardedMetadata } : {}),
    },
  };
}

/** Structured answers are guarded field by field; plain text as a reply. */
function guardText(text: string, options: LeakGuardOptions): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') {
      const guarded = guardOutput(parsed, options);
      return guarded.action === 'pass' ? text : JSON.stringify(guarded.output);
    }
  } catch {
    // Not JSON: guard as text.
  }
  const guarded = guardReply(text, options);
  return guarded.action === 'pass' && withEarlierReplies(text, options)
    ? refusalText
    : guarded.text;
}

/**
 * Split streamed text into what can be released now and what must wait: a code block is released
 * only once its closing fence has arrived (guarded), and trailing backticks wait in case they start
 * a fence. A block never closed is never released.
 */
export function releaseGuarded(
  buffer: string,
  inFence: boolean,
  options: LeakGuardOptions,
): { text: string; rest: string; inFence: boolean } {
  let text = '';
  let rest = buffer;
  for (;;) {
    if (!inFence) {
      const open = rest.indexOf('```');
      if (open === -1) {
        const hold = /`{1,2}$/.exec(rest)?.[0].length ?? 0;
        text += rest.slice(0, rest.length - hold);
        return { text, rest: rest.slice(rest.length - hold), inFence: false };
      }
      text += rest.slice(0, open);
      rest = rest.slice(open);
      inFence = true;
    }
    const close = rest.indexOf('\n```', 3);
    if (close === -1) return { text, rest, inFence: true };
    const block = rest.slice(0, close + 4);
    const body = block.slice(block.indexOf('\n') + 1, close);
    const problem = codeBlockProblem(body, options);
    text += problem ? removedBlockText(problem) : block;
    rest = rest.slice(close + 4);
    inFence = false;
  }
}
