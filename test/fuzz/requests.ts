import fc from 'fast-check';
import { schemaArbitrary, type JsonSchema, type KnownValues } from './schema-arbitrary.ts';

/*
 * The request generator shared by test/fuzz/routes.fuzz.test.ts and bench/fuzz.ts: every route the
 * server documents (mentorflow's own from /api/mentorflow/openapi.json, Mastra's standard API from
 * /api/openapi.json), a valid-ish request per route built from the route's own schemas, and hostile
 * mutations of it. Each mutation records which field(s) a 4xx answer may name, so the runner can
 * tell when an answer names another field than the one the client sent.
 */

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One documented route. */
export interface Operation {
  source: 'mentorflow' | 'mastra';
  method: string;
  /** `/api/agents/{agentId}/generate` */
  template: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: JsonSchema;
}

export type KeyKind = 'operator' | 'learner' | 'none' | 'wrong' | 'malformed';

/** A generated request, ready to send. */
export interface FuzzRequest {
  /** `POST /api/agents/{agentId}/generate` */
  operation: string;
  method: string;
  /** Path and query, percent-encoded as sent. */
  url: string;
  key: KeyKind;
  headers: Record<string, string>;
  body?: string;
  /** `base` for the valid-ish request, else the mutation (`body.wrong-type`, `path.prototype`…). */
  mutation: string;
  /** Where the mutation is (`messages.0`, `path.agentId`, `query.page`, `body`). */
  target?: string;
  /**
   * Fields a 4xx answer may name: one of these, something inside one of them, or (for a target
   * inside the body) one of its enclosing fields. Undefined when no field is determinable.
   */
  fields?: string[];
  /** The unmutated request this one was derived from (to tell the base's own faults apart). */
  base?: FuzzRequest;
}

/** Names of `Object.prototype` members: ids that plain-object lookups find without a registration. */
export const prototypeNames = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
] as const;

const emoji = [
  '🙂',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\u202egnp.exe',
  'ｆｕｌｌｗｉｄｔｈ',
  '🙂'.repeat(500),
];
const HUGE = 10_000;

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** The routes of an OpenAPI document (paths prefixed with its first server URL, e.g. `/api`). */
export function operationsOf(doc: OpenApiDocument, source: Operation['source']): Operation[] {
  const prefix = doc.servers?.[0]?.url?.replace(/\/$/, '') ?? '';
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const template = `${prefix}${path}`;
      const pathNames = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      operations.push({
        source,
        method: method.toUpperCase(),
        template,
        pathParams: pathNames.map((name) => {
          const p = params.find((q) => q.in === 'path' && q.name === name);
          return { name, required: true, schema: p?.schema ?? { type: 'string' } };
        }),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({
            name: p.name,
            required: !!p.required,
            schema: p.schema ?? { type: 'string' },
          })),
        ...(op.requestBody?.content?.['application/json']?.schema
          ? { body: op.requestBody.content['application/json'].schema }
          : {}),
      });
    }
  }
  return operations;
}

/** Ids of existing objects, by field name, and per route template for ambiguous names (`id`). */
export interface Fixtures {
  known: KnownValues;
  /** `template → param → values`, overriding `known` (e.g. `/api/sessions/{id}` → the session id). */
  byTemplate?: Record<string, Record<string, readonly string[]>>;
}

interface Draft {
  op: Operation;
  /** Decoded path values, encoded with encodeURIComponent unless `rawPath` has the param. */
  path: Record<string, string>;
  rawPath: Record<string, string>;
  /** [name, value, raw?]: raw entries are already percent-encoded. */
  query: [string, string, boolean?][];
  body: unknown;
  hasBody: boolean;
  bodyText?: string;
  contentType?: string;
  key: KeyKind;
  method: string;
}

function knownFor(fixtures: Fixtures, op: Operation, name: string): readonly string[] | undefined {
  return fixtures.byTemplate?.[op.template]?.[name] ?? fixtures.known[name];
}

/** A query value as text (objects and arrays as JSON, as Mastra's complex query params expect). */
function queryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function baseDraft(op: Operation, fixtures: Fixtures): fc.Arbitrary<Draft> {
  const pathArbs = Object.fromEntries(
    op.pathParams.map((p) => {
      const known = knownFor(fixtures, op, p.name);
      const generated = schemaArbitrary({ ...p.schema, minLength: 1 }, fixtures.known).map(
        (v) => String(v) || 'x',
      );
      return [
        p.name,
        known?.length
          ? fc.oneof(
              { weight: 5, arbitrary: fc.constantFrom(...known) },
              { weight: 1, arbitrary: generated },
            )
          : generated,
      ];
    }),
  );
  const queryArbs = Object.fromEntries(
    op.queryParams.map((p) => {
      const known = knownFor(fixtures, op, p.name);
      const generated = schemaArbitrary(p.schema, fixtures.known, 2).map(queryText);
      return [p.name, known?.length ? fc.oneof(fc.constantFrom(...known), generated) : generated];
    }),
  );
  const requiredQuery = op.queryParams
    .filter((p) => p.required && p.schema.default === undefined)
    .map((p) => p.name);
  const bodyArb = op.body ? schemaArbitrary(op.body, fixtures.known) : fc.constant(undefined);
  const keyArb: fc.Arbitrary<KeyKind> =
    op.source === 'mentorflow'
      ? fc.constantFrom<KeyKind>('operator', 'operator', 'operator', 'learner')
      : fc.constant('operator');
  return fc
    .record({
      path: fc.record(pathArbs),
      query: fc.record(queryArbs, { requiredKeys: requiredQuery }),
      body: bodyArb,
      key: keyArb,
    })
    .map(({ path, query, body, key }) => ({
      op,
      path: path as Record<string, string>,
      rawPath: {},
      query: Object.entries(query as Record<string, string>).map(
        ([k, v]) => [k, v] as [string, string],
      ),
      body,
      hasBody: op.body !== undefined,
      key,
      method: op.method,
    }));
}

/** Every value inside `value` with its path (`messages.0.content`), the value itself first (`[]`). */
function valuePaths(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
  depth = 0,
): (string | number)[][] {
  out.push(path);
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) value.forEach((v, i) => valuePaths(v, [...path, i], out, depth + 1));
  else for (const [k, v] of Object.entries(value)) valuePaths(v, [...path, k], out, depth + 1);
  return out;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const segment of path)
    current = (current as Record<string | number, unknown> | undefined)?.[segment];
  return current;
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy: unknown = structuredClone(value);
  let current = copy as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1))
    current = current[segment] as Record<string | number, unknown>;
  // defineProperty, so a key named `__proto__` becomes an own property that JSON.stringify writes.
  Object.defineProperty(current, path[path.length - 1]!, {
    value: replacement,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const fieldOf = (path: (string | number)[]) => (path.length ? path.map(String).join('.') : 'body');

/** A value of another JSON type than `value`. */
function wrongType(value: unknown): fc.Arbitrary<unknown> {
  const candidates: unknown[] = [
    12345,
    -1,
    1e308,
    'not-the-right-type',
    true,
    null,
    {},
    [],
    [-1],
    { nested: { x: [1] } },
  ];
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  return fc.constantFrom(...candidates.filter((c) => kind(c) !== kind(value)));
}

function deep(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The hostile variants of a draft: what, where, and which fields a 4xx may name. */
type Mutation = { name: string; target?: string; fields?: string[]; apply: (d: Draft) => Draft };

function mutations(draft: Draft): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [];
  const { op } = draft;
  if (op.pathParams.length) {
    const param = fc.constantFrom(...op.pathParams.map((p) => p.name));
    const pathValue = (name: string, label: string, value: string, raw = false): Mutation => ({
      name: `path.${label}`,
      target: `path.${name}`,
      fields: [`path.${name}`, 'path'],
      apply: (d) =>
        raw
          ? { ...d, rawPath: { ...d.rawPath, [name]: value } }
          : { ...d, path: { ...d.path, [name]: value } },
    });
    options.push(
      fc
        .tuple(param, fc.constantFrom(...prototypeNames))
        .map(([name, value]) => pathValue(name, 'prototype', value)),
      fc
        .tuple(
          param,
          fc.constantFrom(
            '%00',
            'a%00b',
            '%ED%A0%80',
            '%ED%B0%80x',
            '%C0%80',
            '%FF',
            '%E2%82',
            'a%2Fb',
            '..',
            '%2E%2E',
            '%25',
            ' ',
            '%0A',
          ),
        )
        .map(([name, value]) => pathValue(name, 'hostile-bytes', value, true)),
      fc
        .tuple(
          param,
          fc.constantFrom(
            'x'.repeat(HUGE),
            '9'.repeat(400),
            '-1',
            '0',
            'null',
            'undefined',
            '[object Object]',
            '{}',
            'wf_' + '0'.repeat(24),
          ),
        )
        .map(([name, value]) => pathValue(name, 'odd-value', value)),
      fc
        .tuple(param, fc.constantFrom(...emoji))
        .map(([name, value]) => pathValue(name, 'emoji', value)),
    );
  }
  const queryNames = op.queryParams.map((p) => p.name);
  const setQuery = (d: Draft, name: string, value: string, raw = false): Draft => ({
    ...d,
    query: [...d.query.filter(([k]) => k !== name), [name, value, raw]],
  });
  if (queryNames.length) {
    const name = fc.constantFrom(...queryNames);
    options.push(
      fc
        .tuple(
          name,
          fc.constantFrom(
            'abc',
            '-1',
            '1e309',
            '99999999999999999999999',
            '[object Object]',
            '{"a":',
            '{"__proto__":{"x":1}}',
            '[]',
            'true',
            '',
            'x'.repeat(HUGE),
          ),
        )
        .map(([n, value]) => ({
          name: 'query.wrong-value',
          target: `query.${n}`,
          fields: [`query.${n}`, 'query'],
          apply: (d: Draft) => setQuery(d, n, value),
        })),
      fc
        .tuple(name, fc.constantFrom('%00', 'a%00', '%ED%A0%80', '%FF%FE', '%'))
        .map(([n, value]) => ({
          name: 'query.hostile-bytes',
          target: `query.${n}`,
          fields: [`query.${n}`, 'query'],
          apply: (d: Draft) => setQuery(d, n, value, true),
        })),
      fc.tuple(name, fc.constantFrom(...prototypeNames, ...emoji)).map(([n, value]) => ({
        name: 'query.prototype-or-emoji',
        target: `query.${n}`,
        fields: [`query.${n}`, 'query'],
        apply: (d: Draft) => setQuery(d, n, value),
      })),
    );
  }
  options.push(
    fc
      .constantFrom('__proto__', 'constructor', 'toString', 'fuzzUnknown', '%00', '🙂')
      .map((n) => ({
        name: 'query.unknown-name',
        target: `query.${n}`,
        fields: [`query.${n.replace('%00', '\\u0000')}`, 'query'],
        apply: (d: Draft) => setQuery(d, n, 'x', n.startsWith('%')),
      })),
    fc.constantFrom<KeyKind>('none', 'wrong', 'malformed', 'learner').map((key) => ({
      name: `auth.${key}`,
      fields: ['authorization'],
      apply: (d: Draft) => ({ ...d, key }),
    })),
    fc
      .constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE')
      .filter((m) => m !== op.method)
      .map((method) => ({
        name: 'method.other',
        apply: (d: Draft) => ({ ...d, method }),
      })),
  );
  const bodyMethod = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);
  if (bodyMethod) {
    options.push(
      fc
        .constantFrom(42, 'a string', null, true, [], [1, 2], [-1], [{}], 'x'.repeat(HUGE))
        .map((value) => ({
          name: 'body.not-an-object',
          target: 'body',
          fields: ['body'],
          apply: (d: Draft) => ({ ...d, body: value, hasBody: true }),
        })),
      fc
        .constantFrom(
          '{"a":',
          "{'a':1}",
          '{"a":1}}',
          'undefined',
          '\u0000',
          '\ufeff{}',
          '{"a":1,}',
          'NaN',
          '[1,2',
          '"\\x"',
        )
        .map((text) => ({
          name: 'body.invalid-json',
          target: 'body',
          fields: ['body'],
          apply: (d: Draft) => ({ ...d, bodyText: text, hasBody: true }),
        })),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=fuzz',
          'application/xml',
          'application/json; charset=utf-16',
          '',
          'application/json-patch+json',
        )
        .map((type) => ({
          name: 'body.content-type',
          target: 'body',
          apply: (d: Draft) => ({ ...d, contentType: type, hasBody: true }),
        })),
      fc.constant({
        name: 'body.too-large',
        target: 'body',
        fields: ['body'],
        apply: (d: Draft) => ({
          ...d,
          body: { ...(isObject(d.body) ? d.body : {}), pad: 'x'.repeat(1_100_000) },
          hasBody: true,
        }),
      }),
    );
    const paths = valuePaths(draft.body).filter((p) => p.length > 0);
    const at = paths.length ? fc.constantFrom(...paths) : undefined;
    const bodyAt = (name: string, value: fc.Arbitrary<unknown>, extraFields: string[] = []) =>
      at
        ? options.push(
            fc.tuple(at, value).chain(([path, v]) =>
              fc.constant({
                name: `body.${name}`,
                target: fieldOf(path),
                fields: [fieldOf(path), ...extraFields],
                apply: (d: Draft) => ({ ...d, body: setAt(d.body, path, v) }),
              }),
            ),
          )
        : undefined;
    if (at) {
      options.push(
        at.chain((path) =>
          wrongType(getAt(draft.body, path)).map((v) => ({
            name: 'body.wrong-type',
            target: fieldOf(path),
            fields: [fieldOf(path)],
            apply: (d: Draft) => ({ ...d, body: setAt(d.body, path, v) }),
          })),
        ),
      );
      bodyAt('nul', fc.constantFrom('a\u0000b', '\u0000'));
      bodyAt('lone-surrogate', fc.constantFrom('\ud800', 'x\udc00', '\udbff\udbff'));
      bodyAt('deep', fc.constantFrom(deep(100), deep(2000)));
      bodyAt('huge-string', fc.constantFrom('x'.repeat(HUGE), 'y'.repeat(100_000)), ['body']);
      bodyAt(
        'big-array',
        fc.constantFrom(
          Array.from({ length: HUGE }, (_, i) => i),
          Array.from({ length: HUGE }, () => 'x'),
        ),
        ['body'],
      );
      bodyAt('prototype-name', fc.constantFrom(...prototypeNames));
      bodyAt('emoji', fc.constantFrom(...emoji));
    }
    options.push(
      fc
        .tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'fuzzUnknownField', '🙂'),
          fc.constantFrom<unknown>(1, 'x', { polluted: true }, null),
        )
        .map(([key, v]) => ({
          name: 'body.unknown-field',
          target: key,
          fields: [key],
          apply: (d: Draft) => ({
            ...d,
            body: setAt(isObject(d.body) ? d.body : {}, [key], v),
            hasBody: true,
          }),
        })),
    );
  }
  return fc.oneof(...options);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export interface Keys {
  operator: string;
  learner: string;
}

function authorization(kind: KeyKind, keys: Keys): string | undefined {
  switch (kind) {
    case 'operator':
      return `Bearer ${keys.operator}`;
    case 'learner':
      return `Bearer ${keys.learner}`;
    case 'wrong':
      return 'Bearer not-a-key';
    case 'malformed':
      return 'Basic Zm9vOmJhcg==';
    case 'none':
      return undefined;
  }
}

function encodeQuery(query: Draft['query']): string {
  if (!query.length) return '';
  return (
    '?' +
    query
      .map(([k, v, raw]) => `${raw ? k : encodeURIComponent(k)}=${raw ? v : encodeURIComponent(v)}`)
      .join('&')
  );
}

/** Serialise a draft into a request. */
function toRequest(
  d: Draft,
  keys: Keys,
  mutation: string,
  target?: string,
  fields?: string[],
): FuzzRequest {
  const path = d.op.template.replace(
    /\{(\w+)\}/g,
    (_, name: string) => d.rawPath[name] ?? encodeURIComponent(d.path[name] ?? 'x'),
  );
  const headers: Record<string, string> = {};
  const auth = authorization(d.key, keys);
  if (auth) headers.authorization = auth;
  let body: string | undefined;
  if (d.hasBody && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(d.method)) {
    body = d.bodyText ?? (d.body === undefined ? undefined : JSON.stringify(d.body));
    if (body !== undefined) {
      const type = d.contentType ?? 'application/json';
      if (type) headers['content-type'] = type;
    }
  }
  return {
    operation: `${d.op.method} ${d.op.template}`,
    method: d.method,
    url: path + encodeQuery(d.query),
    key: d.key,
    headers,
    ...(body !== undefined ? { body } : {}),
    mutation,
    ...(target ? { target } : {}),
    ...(fields ? { fields } : {}),
  };
}

/**
 * Requests for `operations`: about a third valid-ish, the rest one hostile mutation of a valid-ish
 * request (which rides along as `base`).
 */
export function requestArbitrary(
  operations: Operation[],
  fixtures: Fixtures,
  keys: Keys,
): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((op) =>
    baseDraft(op, fixtures).chain((draft) => {
      const base = toRequest(draft, keys, 'base');
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(base) },
        {
          weight: 2,
          arbitrary: mutations(draft).map((m) => ({
            ...toRequest(m.apply(draft), keys, m.name, m.target, m.fields),
            base,
          })),
        },
      );
    }),
  );
}

/** `count` requests from `seed`, the same list for the same routes, fixtures and seed. */
export function generateRequests(
  operations: Operation[],
  fixtures: Fixtures,
  keys: Keys,
  count: number,
  seed: number,
): FuzzRequest[] {
  return fc.sample(requestArbitrary(operations, fixtures, keys), { seed, numRuns: count });
}
