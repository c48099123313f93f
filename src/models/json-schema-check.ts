import type { JSONSchema7, JSONSchema7Definition } from '@ai-sdk/provider';

/**
 * A small JSON Schema check for structured model output: enough of draft-07 (type, enum, const,
 * required, properties, items, bounds, anyOf/oneOf, local $ref) to tell a usable answer from a
 * malformed one before Mastra's zod validation would throw. Returns the first problem, or undefined.
 */
export function checkJsonSchema(
  value: unknown,
  schema: JSONSchema7Definition | undefined,
  path = '$',
  root?: JSONSchema7,
): string | undefined {
  if (schema === undefined || schema === true) return undefined;
  if (schema === false) return `${path}: not allowed`;
  const top = root ?? schema;
  if (schema.$ref) {
    const target = resolveRef(top, schema.$ref);
    return target ? checkJsonSchema(value, target, path, top) : undefined;
  }
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf)!;
    if (!options.some((option) => checkJsonSchema(value, option, path, top) === undefined))
      return `${path}: matches none of the allowed shapes`;
  }
  if (schema.allOf) {
    for (const part of schema.allOf) {
      const problem = checkJsonSchema(value, part, path, top);
      if (problem) return problem;
    }
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value))
    return `${path}: expected ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    return `${path}: expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) return `${path}: expected ${types.join(' or ')}`;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      return `${path}: shorter than ${schema.minLength}`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      return `${path}: longer than ${schema.maxLength}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `${path}: below ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `${path}: above ${schema.maximum}`;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      return `${path}: fewer than ${schema.minItems} items`;
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      return `${path}: more than ${schema.maxItems} items`;
    if (schema.items && !Array.isArray(schema.items)) {
      for (let i = 0; i < value.length; i++) {
        const problem = checkJsonSchema(value[i], schema.items, `${path}[${i}]`, top);
        if (problem) return problem;
      }
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? [])
      if (!(key in record)) return `${path}.${key}: required`;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in record) {
        const problem = checkJsonSchema(record[key], sub, `${path}.${key}`, top);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function resolveRef(root: JSONSchema7, ref: string): JSONSchema7Definition | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[
      decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))
    ];
  }
  return node as JSONSchema7Definition | undefined;
}

/** Text of a structured answer with a ```json fence around it removed, as some models send it. */
export function unwrapJsonText(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
}
