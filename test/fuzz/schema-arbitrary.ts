import fc from 'fast-check';

/** The parts of JSON Schema (draft 7 / 2020-12, as zod and Mastra emit them) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  [key: string]: unknown;
}

/** Values for fields whose name says which object they refer to (`agentId`, `threadId`…). */
export type KnownValues = Record<string, readonly string[]>;

interface Context {
  root: JsonSchema;
  known: KnownValues;
  /** Containers still allowed below this point: keeps generated bodies small. */
  depth: number;
  /** Schemas entered so far on this branch: recursive schemas ($ref cycles) end at 12. */
  level: number;
}

const anything = fc.jsonValue({ maxDepth: 1 }).map((v) => v ?? 'x');

/**
 * A fast-check arbitrary producing values that (mostly) satisfy `schema`: "valid-ish" request
 * bodies and parameters. Optional properties appear half of the time; strings, arrays and nesting
 * are kept short; properties whose name matches a key of `known` take one of its values most of
 * the time, so requests reach existing agents, workflows, threads and sessions.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  known: KnownValues = {},
  maxDepth = 4,
): fc.Arbitrary<unknown> {
  return arb(schema, { root: schema, known, depth: maxDepth, level: 0 }, undefined);
}

function resolve(schema: JsonSchema, ctx: Context): JsonSchema {
  if (!schema.$ref) return schema;
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(schema.$ref);
  const target = match
    ? (ctx.root[match[1]!] as Record<string, JsonSchema> | undefined)?.[match[2]!]
    : undefined;
  return target ?? {};
}

function arb(
  input: JsonSchema | boolean | undefined,
  outer: Context,
  name: string | undefined,
): fc.Arbitrary<unknown> {
  if (input === undefined || input === true || input === false) return anything;
  if (outer.level > 12) return fc.constant(null);
  const ctx = { ...outer, level: outer.level + 1 };
  const schema = resolve(input, ctx);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  const knownValues = name ? ctx.known[name] : undefined;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const arbs = variants.map((v) => arb(v, ctx, name));
    return knownValues?.length
      ? fc.oneof(fc.constantFrom(...knownValues), ...arbs)
      : fc.oneof(...arbs);
  }
  if (schema.allOf?.length)
    return arb(Object.assign({}, ...schema.allOf.map((s) => resolve(s, ctx))), ctx, name);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1)
    return fc.oneof(...types.map((t) => arb({ ...schema, type: t }, ctx, name)));
  const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string':
      return knownValues?.length
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...knownValues) },
            { weight: 1, arbitrary: stringArb(schema) },
          )
        : stringArb(schema);
    case 'integer':
    case 'number':
      return numberArb(schema, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (ctx.depth <= 0) return fc.constant([]);
      const inner = { ...ctx, depth: ctx.depth - 1 };
      const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      const minLength = Math.min(schema.minItems ?? 0, 3);
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 2, 2));
      return fc.array(arb(items, inner, name), { minLength, maxLength });
    }
    case 'object': {
      if (ctx.depth <= 0 && !schema.required?.length) return fc.constant({});
      const inner = { ...ctx, depth: Math.max(ctx.depth - 1, 0) };
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) model[key] = arb(value, inner, key);
      const required = (schema.required ?? []).filter((key) => key in properties);
      if (Object.keys(model).length === 0) {
        if (typeof schema.additionalProperties === 'object' && ctx.depth > 0) {
          return fc.dictionary(
            fc.string({ minLength: 1, maxLength: 8 }),
            arb(schema.additionalProperties, inner, undefined),
            { maxKeys: 2 },
          );
        }
        return fc.constant({});
      }
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return anything;
  }
}

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  const minLength = Math.min(schema.minLength ?? 0, 40);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc.string({ minLength, maxLength });
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined
      ? schema.exclusiveMinimum + (integer ? 1 : 1e-6)
      : -1000);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : 1000);
  const lo = Math.max(min, -1e6);
  const hi = Math.min(Math.max(max, lo), 1e6);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}
