import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/**
 * The contract between agents and models about structured input: an agent's user message is a short
 * task line followed by its input as one fenced JSON block tagged `mentorflow-input`. A real model
 * reads it like any prompt; the rules model parses it back.
 */
const fenceTag = 'mentorflow-input';
const blockPattern = new RegExp('```json ' + fenceTag + '\\n([\\s\\S]*?)\\n```', 'g');

/** Render an agent call's user message. */
export function formatModelInput(task: string, input: unknown): string {
  return `${task}\n\n\`\`\`json ${fenceTag}\n${JSON.stringify(input, null, 2)}\n\`\`\``;
}

export interface ModelInput {
  /** The parsed JSON block of the last user message, when there is one. */
  input: Record<string, unknown> | undefined;
  /** Text of the last user message (the whole message, block included). */
  text: string;
  /** Text of the last user message outside the JSON block: free chat, or the task line. */
  message: string;
}

/** Read the last user message of a prompt and its input block (if any). */
export function readModelInput(prompt: LanguageModelV4Prompt): ModelInput {
  const lastUser = [...prompt].reverse().find((m) => m.role === 'user');
  const text =
    lastUser && lastUser.role === 'user'
      ? lastUser.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n')
      : '';
  let input: Record<string, unknown> | undefined;
  for (const match of text.matchAll(blockPattern)) {
    try {
      const parsed: unknown = JSON.parse(match[1]!);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        input = parsed as Record<string, unknown>;
    } catch {
      // A block that is not JSON is treated as plain text.
    }
  }
  return { input, text, message: text.replace(blockPattern, '').trim() };
}
