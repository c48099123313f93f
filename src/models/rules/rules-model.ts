import type {
  JSONSchema7,
  JSONSchema7Definition,
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { checkJsonSchema } from '../json-schema-check.ts';
import { readModelInput } from '../model-input.ts';
import { rulesHandlers } from './handlers.ts';
import { guardReply, learnerWords } from './safety.ts';
import { rulesTag } from './text.ts';

/** Provider metadata every rules-mode answer carries. */
export interface RulesMetadata {
  mode: 'rules';
  agent: string;
}

const usage: LanguageModelV4Usage = {
  // Rules mode spends no tokens; zeros keep usage accounting honest.
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/**
 * A deterministic LanguageModelV4 for one agent (`rules/<agent-id>`). It reads the agent's input
 * block from the last user message, runs the agent's rules handler (its learner-facing text passed
 * through the safety rules of `safety.ts`) and answers with schema-valid
 * JSON when the call asks for JSON, otherwise with the learner-facing reply as text (either streamed
 * in word chunks by doStream).
 */
export function createRulesModel(agentId: string): LanguageModelV4 {
  const handler = rulesHandlers[agentId];

  function answer(call: LanguageModelV4CallOptions): {
    text: string;
    metadata: SharedV4ProviderMetadata;
  } {
    const { input, message } = readModelInput(call.prompt);
    const output: Record<string, unknown> = handler
      ? guardReply(handler(input, message) as Record<string, unknown>, learnerWords(input, message))
      : {
          reply: `${rulesTag} No rules are defined for "${agentId}"; configure a model to use this agent.`,
        };
    const metadata = { rules: { mode: 'rules', agent: agentId } satisfies RulesMetadata };
    if (call.responseFormat?.type !== 'json') return { text: replyText(output), metadata };
    const schema = call.responseFormat.schema;
    // Callers asking for another shape (a different agent's schema, Mastra helpers) still get valid JSON.
    const fits = schema === undefined || checkJsonSchema(output, schema) === undefined;
    return {
      text: JSON.stringify(fits ? output : synthesize(schema, replyText(output), schema)),
      metadata,
    };
  }

  return {
    specificationVersion: 'v4',
    provider: 'rules',
    modelId: agentId,
    supportedUrls: {},

    async doGenerate(call): Promise<LanguageModelV4GenerateResult> {
      const { text, metadata } = answer(call);
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        providerMetadata: metadata,
        response: {
          id: `rules-${Date.now().toString(36)}`,
          modelId: `rules/${agentId}`,
          timestamp: new Date(),
        },
        warnings: [],
      };
    },

    async doStream(call) {
      const { text, metadata } = answer(call);
      // JSON too, so a structured answer's learner-facing field streams word by word like a model's.
      const chunks = text.match(/\S+\s*|\s+/g) ?? [];
      const parts: LanguageModelV4StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        {
          type: 'response-metadata',
          id: `rules-${Date.now().toString(36)}`,
          modelId: `rules/${agentId}`,
          timestamp: new Date(),
        },
        { type: 'text-start', id: 'text-1' },
        ...chunks.map((delta) => ({ type: 'text-delta' as const, id: 'text-1', delta })),
        { type: 'text-end', id: 'text-1' },
        {
          type: 'finish',
          usage,
          finishReason: { unified: 'stop', raw: 'stop' },
          providerMetadata: metadata,
        },
      ];
      return {
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  };
}

function replyText(output: Record<string, unknown>): string {
  if (typeof output.reply === 'string') return output.reply;
  if (typeof output.summary === 'string' && Array.isArray(output.steps)) {
    return [
      output.summary,
      ...output.steps.map(
        (s, i) =>
          `${i + 1}. ${(s as { title?: string }).title}: ${(s as { detail?: string }).detail}`,
      ),
    ].join('\n');
  }
  return `${rulesTag} ${JSON.stringify(output)}`;
}

/** Smallest value valid for `schema`, with `text` in string fields: JSON for callers whose shape has no rules. */
function synthesize(
  schema: JSONSchema7Definition | undefined,
  text: string,
  root: JSONSchema7 | undefined,
): unknown {
  if (schema === undefined || typeof schema === 'boolean') return text;
  if (schema.$ref && root) {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    return synthesize(target as JSONSchema7Definition, text, root);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return synthesize(options[0], text, root);
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t) => t !== 'null') ?? schema.type[0])
    : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        out[key] = synthesize(schema.properties?.[key], text, root);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        synthesize(Array.isArray(schema.items) ? schema.items[0] : schema.items, text, root),
      );
    case 'number':
    case 'integer':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
  }
}
