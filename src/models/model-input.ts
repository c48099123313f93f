import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/**
 * The contract between agents and models about structured input: an agent's user message is a short
 * task line followed by its input as one fenced JSON block tagged `mentorflow-input`; what stays the
 * same over a conversation (the story, the learner) goes in a system message as the same kind of
 * block, so the thread keeps it once rather than in every message. A real model reads it like any
 * prompt; the rules model parses it back, the system block first, the user's on top.
 */
const fenceTag = 'mentorflow-input';
const opening = `\`\`\`json ${fenceTag}\n`;
const closing = '\n```';

/**
 * The tagged blocks of `text` as [start, end, body] (end exclusive), first to last. A scan with
 * indexOf rather than a lazy regular expression: many openings without a closing fence would make
 * the regex rescan the rest of the text from each one (quadratic on a long pasted message).
 */
function taggedBlocks(text: string): [number, number, string][] {
  const blocks: [number, number, string][] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(opening, from);
    if (start === -1) return blocks;
    const bodyStart = start + opening.length;
    const close = text.indexOf(closing, bodyStart);
    if (close === -1) return blocks;
    blocks.push([start, close + closing.length, text.slice(bodyStart, close)]);
    from = close + closing.length;
  }
}

/** Render an agent call's user message (compact JSON: it is kept in the thread). */
export function formatModelInput(task: string, input: unknown): string {
  return `${task}\n\n${opening}${JSON.stringify(input)}${closing}`;
}

/** Render the standing context of an agent call (the story, the learner) as its system message. */
export function formatModelContext(context: Record<string, unknown>): string {
  return `The story and the learner of this conversation:\n\n${opening}${JSON.stringify(context)}${closing}`;
}

export interface ModelInput {
  /** The parsed JSON block of the last user message, when there is one. */
  input: Record<string, unknown> | undefined;
  /** Text of the last user message (the whole message, block included). */
  text: string;
  /** Text of the last user message outside the JSON block: free chat, or the task line. */
  message: string;
}

/** The last JSON object among `blocks`, when there is one. */
function lastObject(blocks: [number, number, string][]): Record<string, unknown> | undefined {
  let input: Record<string, unknown> | undefined;
  for (const [, , body] of blocks) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        input = parsed as Record<string, unknown>;
    } catch {
      // A block that is not JSON is treated as plain text.
    }
  }
  return input;
}

/**
 * Read the last user message of a prompt and its input block (if any), on top of the input block
 * of the system messages (the call's standing context).
 */
export function readModelInput(prompt: LanguageModelV4Prompt): ModelInput {
  const lastUser = [...prompt].reverse().find((m) => m.role === 'user');
  const text =
    lastUser && lastUser.role === 'user'
      ? lastUser.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
      : '';
  const system = prompt
    .map((m) => (m.role === 'system' && m.content.includes(opening) ? m.content : ''))
    .filter(Boolean)
    .join('\n');
  const context = system ? lastObject(taggedBlocks(system)) : undefined;
  const blocks = taggedBlocks(text);
  const own = lastObject(blocks);
  const input = context || own ? { ...context, ...own } : undefined;
  let message = '';
  let at = 0;
  for (const [start, end] of blocks) {
    message += text.slice(at, start);
    at = end;
  }
  return { input, text, message: (message + text.slice(at)).trim() };
}
