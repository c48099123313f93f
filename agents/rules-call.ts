import type { JSONSchema7, LanguageModelV4 } from '@ai-sdk/provider';
import { toJSONSchema } from 'zod';
import type { fallbackOf } from '../src/models/resilient-model.ts';
import type { ActionSpec } from './actions.ts';

/** What an agent call answers, through the agent loop or the rules model directly. */
export interface CallResult {
  object: unknown;
  usage?: { inputTokens?: number; outputTokens?: number };
  providerMetadata?: Parameters<typeof fallbackOf>[0];
}

const outputJsonSchemas = new Map<ActionSpec['output'], JSONSchema7>();

/**
 * One rules-mode answer without the agent loop: the same prompt and JSON response format the loop
 * would give the model (the output's JSON Schema, converted once per action).
 */
export async function callRulesModel(
  model: LanguageModelV4,
  { system, prompt }: { system: string | undefined; prompt: string },
  action: ActionSpec,
): Promise<CallResult> {
  let schema = outputJsonSchemas.get(action.output);
  if (!schema) {
    schema = toJSONSchema(action.output, { target: 'draft-7' }) as JSONSchema7;
    outputJsonSchemas.set(action.output, schema);
  }
  const answer = await model.doGenerate({
    prompt: [
      ...(system ? [{ role: 'system' as const, content: system }] : []),
      { role: 'user', content: [{ type: 'text', text: prompt }] },
    ],
    responseFormat: { type: 'json', schema },
  });
  const text = answer.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return {
    object: JSON.parse(text),
    usage: {
      inputTokens: answer.usage.inputTokens.total ?? 0,
      outputTokens: answer.usage.outputTokens.total ?? 0,
    },
    providerMetadata: answer.providerMetadata as CallResult['providerMetadata'],
  };
}
