import { saveScorePayloadSchema } from '@mastra/core/evals';
import type { Mastra } from '@mastra/core/mastra';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { isOperator } from './access-policy.ts';
import type { Principal } from './api-keys.ts';

/*
 * What Mastra's standard routes accept but cannot handle, refused before their handlers run, with
 * the 4xx a client can act on (the field named as the client sent it). Each rule is a class of
 * input the fuzzer (test/fuzz) found answering 5xx, or worse:
 *
 * - ids naming an `Object.prototype` member (`constructor`, `__proto__`, `toString`…): Mastra looks
 *   agents, workflows, processors, vector stores… up in plain objects, so such an id "exists" and
 *   the handler calls a method it does not have (`agent.getDescription is not a function`). They are
 *   unknown ids: 404 naming `path.<param>` / `query.<param>`;
 * - a workspace id that names no workspace, on the routes that do not check it themselves (the
 *   skills.sh proxy): 404 naming `path.workspaceId`;
 * - URL parameters Mastra decodes a second time (`?path=`, `:referencePath`): a value that is not
 *   valid percent-encoding once decoded is 400, not `URI malformed`;
 * - message inputs of the agent routes (`messages`, `system`, `instructions`, `context`), which
 *   Mastra's schema leaves as "any array": an element that is not a string or a message object
 *   (`{"messages":[-1]}`), a message without a known role or without content, parts that are not
 *   objects. 400 naming the element (`messages.0`, `system.1.role`);
 * - `audio` of the transcription routes as JSON that is not a string: Mastra pushes it into a
 *   byte stream, whose error event brings the whole process down.
 */

/** Largest body of the routes that hand a conversation to a model (agents, A2A, responses). */
export const AGENT_MAX_BODY_BYTES = 64 * 1024;

/**
 * The agent routes' body limit: 413 naming `body` from the Content-Length alone, before anything
 * reads the body (or, for a chunked body, as soon as the limit is crossed while reading). A
 * conversation turn is far smaller; the server-wide MAX_BODY_BYTES is sized for story documents.
 */
export function agentBodyLimit(maxSize = AGENT_MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `body: larger than ${maxSize} bytes, the limit of the agent routes`,
        { field: 'body' },
      );
    },
  });
}

/** `Object.prototype` members (`constructor`, `__proto__`, `toString`…): never a registered id. */
const prototypeMembers = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Parameters and body fields that name a registered object (`agentId`, `agent_id`, `runId`…). */
const isIdName = (name: string) => name === 'id' || /(Id|_id)$/.test(name);

/** Mastra decodes these URL parameters once more inside the handler. */
const decodedTwice = { query: new Set(['path', 'skillPath']), path: new Set(['referencePath']) };

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** The Mastra route that will answer (its registered path) and its path parameters, decoded. */
export function mastraRoute(
  c: Context,
): { path: string; params: Record<string, string> } | undefined {
  // Middleware (ours, Mastra's body limits) is registered for every method; routes for one.
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && !r.path.includes('*'));
  if (!route) return undefined;
  const template = route.path.split('/');
  const actual = c.req.path.split('/');
  const params: Record<string, string> = {};
  template.forEach((segment, i) => {
    if (segment.startsWith(':') && actual[i] !== undefined)
      params[segment.slice(1).replace(/\{.*$/, '')] = safeDecode(actual[i]!);
  });
  return { path: route.path, params };
}

/** A workspace by id, found the way Mastra's workspace handlers find it. */
async function workspaceExists(mastra: Mastra | undefined, id: string): Promise<boolean> {
  if (!mastra) return true;
  const m = mastra as unknown as {
    getWorkspace?: () => { id?: string } | undefined;
    getWorkspaceById?: (id: string) => unknown;
    listAgents?: () => Record<
      string,
      { hasOwnWorkspace?: () => boolean; getWorkspace?: () => Promise<{ id?: string } | undefined> }
    >;
  };
  if (m.getWorkspace?.()?.id === id) return true;
  if (typeof m.getWorkspaceById === 'function') {
    try {
      if (m.getWorkspaceById(id)) return true;
    } catch {
      /* not registered */
    }
  }
  for (const agent of Object.values(m.listAgents?.() ?? {})) {
    if (agent.hasOwnWorkspace?.() && (await agent.getWorkspace?.())?.id === id) return true;
  }
  return false;
}

const roles = ['user', 'assistant', 'system', 'tool'] as const;
/** A content part or UI part: an object with a `type`. */
const part = z.looseObject(
  { type: z.string({ error: 'expected a part with a type' }) },
  { error: 'expected an object with a type' },
);
const content = z.union(
  [
    z.string(),
    z.array(z.union([z.string(), part], { error: 'expected a string or an object with a type' })),
    z.looseObject({ format: z.number(), parts: z.array(part) }),
  ],
  { error: 'expected a string, an array of parts or { format, parts }' },
);

function messageSchema(allowed: readonly string[]) {
  return z
    .looseObject(
      {
        role: z.enum(allowed as [string, ...string[]], {
          error: `expected one of ${allowed.join(', ')}`,
        }),
        content: content.optional(),
        parts: z.array(part).min(1, 'expected at least one part').optional(),
      },
      { error: 'expected a string or a message object' },
    )
    .refine((m) => m.content !== undefined || m.parts !== undefined, {
      message: "expected 'content' or 'parts'",
      path: ['content'],
    });
}

const message = messageSchema(roles);
const systemMessage = messageSchema(['system']);
const messageOrText = z.union([z.string(), message], {
  error: 'expected a string or a message object',
});
const systemOrText = z.union([z.string(), systemMessage], {
  error: 'expected a string or a system message',
});
// Unions kept flat, so an error names the element at fault (`system.1.role`), not the whole field.
const systemInput = z.union([z.string(), systemMessage, z.array(systemOrText)]).optional();

/** A tool a client hands the agent: an object (`{ id, description, inputSchema, … }`). */
const clientTool = z.looseObject({}, { error: 'expected a tool object' });

/** What the agent routes' message and tool fields must be, beyond Mastra's own schema. */
const agentMessages = z.looseObject({
  messages: z.union([z.string(), z.array(messageOrText)]).optional(),
  system: systemInput,
  instructions: systemInput,
  context: z.array(message).optional(),
  toolsets: z
    .record(z.string(), z.record(z.string(), clientTool, { error: 'expected an object of tools' }))
    .optional(),
  clientTools: z.record(z.string(), clientTool).optional(),
});

/** A score to save, checked with the schema the storage parses it with (inside a 500 otherwise). */
const scoreBody = z.looseObject({ score: saveScorePayloadSchema as unknown as z.ZodType });

const transcription = z.looseObject({
  audio: z.string({ error: 'expected the audio as a string (or send multipart/form-data)' }),
});

/**
 * A model an operator sets on an agent (`provider/modelId`). Mastra stores any strings and parses
 * them only when the agent next resolves its model, so "5|p" and "" broke every later call of
 * that agent with a 500 (found by the fuzzer); refused here, the agent keeps its model.
 */
const modelRef = z.object({
  provider: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'expected a provider id such as openai'),
  modelId: z.string().regex(/^[^\s\u0000-\u001f]+$/, 'expected a model id such as gpt-4o-mini'),
});

type StandardSchema = { '~standard': { validate: (value: unknown) => unknown } };
interface StandardIssue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
}

/** A registered workflow by the id in the URL (its registration key or its own id). */
function findWorkflow(
  mastra: Mastra | undefined,
  id: string,
): { inputSchema?: unknown; stateSchema?: unknown; validateInputs?: boolean } | undefined {
  if (!mastra) return undefined;
  const m = mastra as unknown as {
    getWorkflowById?: (id: string) => unknown;
    listWorkflows?: () => Record<string, unknown>;
  };
  try {
    const found = m.getWorkflowById?.(id);
    if (found) return found as ReturnType<typeof findWorkflow>;
  } catch {
    /* not by id */
  }
  const all = m.listWorkflows?.() ?? {};
  return (Object.hasOwn(all, id) ? all[id] : undefined) as ReturnType<typeof findWorkflow>;
}

/** Validate `value` with a workflow's standard schema: 400 naming `<field>.<path>` on failure. */
async function checkStandard(schema: unknown, value: unknown, field: string): Promise<void> {
  const standard = (schema as Partial<StandardSchema> | undefined)?.['~standard'];
  if (!standard || typeof standard.validate !== 'function') return;
  const result = (await standard.validate(value)) as { issues?: readonly StandardIssue[] };
  const issue = result.issues?.[0];
  if (!issue) return;
  const path = (issue.path ?? []).map((p) =>
    String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p),
  );
  const name = [field, ...path].join('.');
  throw new AppError('VALIDATION_ERROR', `${name}: ${issue.message}`, { field: name });
}

/**
 * The routes that start a workflow run check `inputData` (and `initialState`) against the
 * workflow's own schemas before starting it: a run started in the background by the streaming
 * routes rejects its validation error with no one listening, which ends the process.
 */
const startsWorkflow =
  /^\/api\/(workflows\/:workflowId|agent-builder\/:actionId)\/(stream|stream-legacy|start|start-async)$/;

/** Body checks by Mastra route (method and registered path). */
const bodyRules: { method: string; path: RegExp; schema: z.ZodType }[] = [
  { method: 'POST', path: /^\/api\/agents\/:agentId\/(voice\/)?listen$/, schema: transcription },
  { method: 'POST', path: /^\/api\/scores$/, schema: scoreBody },
  {
    method: 'POST',
    path: /^\/api\/agents\/:agentId\/model$/,
    schema: z.looseObject(modelRef.shape),
  },
  {
    method: 'POST',
    path: /^\/api\/agents\/:agentId\/models\/:modelConfigId$/,
    schema: z.looseObject({ model: modelRef.optional() }),
  },
  // An empty list reaches the SQL as `IN ()`.
  {
    method: 'POST',
    path: /^\/api\/observability\/traces\/delete$/,
    schema: z.looseObject({
      traceIds: z.array(z.unknown()).min(1, 'expected at least one trace id'),
    }),
  },
  // Every agent route that takes a conversation; `instructions/enhance` takes its own `instructions` string.
  {
    method: 'POST',
    path: /^\/api\/agents\/:agentId\/(?!instructions\/enhance$|voice\/|listen$|speak$|clone$)/,
    schema: agentMessages,
  },
];

/**
 * Refuse, before Mastra's handler runs, the input classes above, for operator keys (the only ones
 * Mastra's standard routes serve). Runs after authentication and the JSON body check
 * (`requireJsonBody`), so a body here is valid JSON.
 */
export function mastraInputGuard(): MiddlewareHandler {
  return async (c, next) => {
    const route = mastraRoute(c);
    // A learner key is refused by Mastra's authorization (403) before any of this matters; checking
    // first would tell it more than "forbidden".
    if (!route || !isOperator(c.get('principal') as Principal | undefined)) return next();
    for (const [name, value] of Object.entries(route.params)) {
      if (prototypeMembers.has(value)) {
        throw new AppError('NOT_FOUND', `path.${name}: no such id '${value}'`, {
          field: `path.${name}`,
        });
      }
      if (decodedTwice.path.has(name) && !decodes(value)) {
        throw new AppError(
          'VALIDATION_ERROR',
          `path.${name}: not valid percent-encoding once decoded`,
          { field: `path.${name}` },
        );
      }
    }
    for (const [name, values] of Object.entries(c.req.queries())) {
      for (const value of values) {
        if (isIdName(name) && prototypeMembers.has(value)) {
          throw new AppError('NOT_FOUND', `query.${name}: no such id '${value}'`, {
            field: `query.${name}`,
          });
        }
        if (decodedTwice.query.has(name) && !decodes(value)) {
          throw new AppError(
            'VALIDATION_ERROR',
            `query.${name}: not valid percent-encoding once decoded`,
            { field: `query.${name}` },
          );
        }
      }
    }
    const workspaceId = route.params.workspaceId;
    if (
      workspaceId !== undefined &&
      !(await workspaceExists(c.get('mastra') as Mastra | undefined, workspaceId))
    ) {
      throw new AppError('NOT_FOUND', `path.workspaceId: no workspace '${workspaceId}'`, {
        field: 'path.workspaceId',
      });
    }
    const body = await jsonBody(c);
    if (isPlainObject(body)) {
      for (const [name, value] of Object.entries(body)) {
        if (isIdName(name) && typeof value === 'string' && prototypeMembers.has(value)) {
          throw new AppError('NOT_FOUND', `${name}: no such id '${value}'`, { field: name });
        }
      }
    }
    const workflowId = route.params.workflowId ?? route.params.actionId;
    if (c.req.method === 'POST' && workflowId !== undefined && startsWorkflow.test(route.path)) {
      const workflow = findWorkflow(c.get('mastra') as Mastra | undefined, workflowId);
      if (
        workflow &&
        workflow.validateInputs !== false &&
        (body === undefined || isPlainObject(body))
      ) {
        const input = body as { inputData?: unknown; initialState?: unknown } | undefined;
        await checkStandard(workflow.inputSchema, input?.inputData, 'inputData');
        if (input?.initialState !== undefined)
          await checkStandard(workflow.stateSchema, input.initialState, 'initialState');
      }
    }
    // A body that is not an object is Mastra's schema's to refuse (naming `body`).
    if (isPlainObject(body)) {
      for (const rule of bodyRules) {
        if (rule.method === c.req.method && rule.path.test(route.path))
          parseOrThrow(rule.schema, body, { root: 'body' });
      }
    }
    return next();
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where `requireJsonBody` leaves the body it parsed, so it is parsed once here. */
export const PARSED_JSON_BODY = 'mentorflow.parsedJsonBody';

/** The request's JSON body as Mastra will read it (undefined when there is none or it is not JSON). */
async function jsonBody(c: Context): Promise<unknown> {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) return undefined;
  if (!(c.req.header('content-type') ?? '').includes('application/json')) return undefined;
  const parsed = (c.get as (key: string) => unknown)(PARSED_JSON_BODY) as
    | { value: unknown }
    | undefined;
  if (parsed) return parsed.value;
  const text = await c.req.raw.clone().text();
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined; // requireJsonBody answers malformed JSON
  }
}
