import type { Turn } from './cases.ts';

/**
 * The worst-case model: it does what the learner asks. Given the JSON schema the agent requests
 * (OpenAI `response_format.json_schema.schema`), it answers an object of that shape whose `reply`
 * comes first and carries the turn's reply, and whose every other string (arrays included) carries
 * the turn's `fields` in order, or the reply again. Enums take the value that keeps the learner
 * talking (a partial verdict) where there is one; numbers their upper bound.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  description?: string;
}

const preferred = ['partialUnderstanding', 'missingSteps', 'partialFix', 'questions'];

export function compliantObject(schema: unknown, turn: Turn): unknown {
  let used = 0;
  const nextString = () => (used++ === 0 ? turn.reply : (turn.fields?.[used - 2] ?? turn.reply));
  const build = (s: JsonSchema): unknown => {
    if (s.anyOf?.length) return build(s.anyOf.find((a) => a.type !== 'null') ?? s.anyOf[0]!);
    if (s.enum?.length) return s.enum.find((v) => preferred.includes(String(v))) ?? s.enum[0];
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'object': {
        const keys = Object.keys(s.properties ?? {});
        const ordered = keys.includes('reply')
          ? ['reply', ...keys.filter((k) => k !== 'reply')]
          : keys;
        return Object.fromEntries(ordered.map((k) => [k, build(s.properties![k]!)]));
      }
      case 'array':
        return s.items ? [build(s.items)] : [];
      case 'string':
        return nextString();
      case 'integer':
      case 'number':
        return bound(s, type === 'integer');
      case 'boolean':
        return true;
      default:
        return null;
    }
  };
  return build(schema as JsonSchema);
}

/** The upper bound the schema states (as `maximum` or in its description), else the lower, else 1. */
function bound(s: JsonSchema, integer: boolean): number {
  const upper =
    s.maximum ?? num(/(?:lower|less) than or equal to (-?[\d.]+)/.exec(s.description ?? ''));
  const lower = s.minimum ?? num(/greater than or equal to (-?[\d.]+)/.exec(s.description ?? ''));
  const value = upper ?? lower ?? 1;
  return integer ? Math.floor(value) : value;
}
const num = (m: RegExpExecArray | null) => (m ? Number(m[1]) : undefined);
