import { AppError, errorStatus, type ErrorCode } from '../errors/app-error.ts';

/*
 * Mastra's standard routes answer errors in shapes of their own: `{ error: "text", issues?: [{ field,
 * message }] }` (validation), `{ error, message }` (permissions), `{ code, message, issues }` (trace
 * queries), and a 500 with the thrown message for anything else. These functions turn any of them
 * into mentorflow's AppError, naming fields the way mentorflow does (a body field by its path,
 * `body` for the body itself, `path.<name>` / `query.<name>` for URL parameters).
 */

/** What the request sent, to name the field holding a value an error message quotes. */
export interface SentInput {
  path: Record<string, string>;
  query: Record<string, string[]>;
  body: unknown;
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_ERROR',
};

const knownCodes = new Set(Object.keys(errorStatus));

/** `{ error: { code, message } }` with one of mentorflow's codes: already ours. */
export function isOurErrorBody(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof error.code === 'string' &&
    knownCodes.has(error.code) &&
    typeof error.message === 'string'
  );
}

/** Which part of the request a Mastra validation error is about, from its `error` text. */
function contextOf(error: string): 'query' | 'path' | 'body' | undefined {
  if (/query param/i.test(error)) return 'query';
  if (/path param/i.test(error)) return 'path';
  if (/request body/i.test(error)) return 'body';
  return undefined;
}

/** zod's unrecognized-keys message names the keys, not their path: `Unrecognized keys: "a", "b"`. */
function unrecognizedKey(message: string): string | undefined {
  const match = /Unrecognized keys?: "((?:[^"\\]|\\.)*)"/.exec(message);
  return match ? match[1] : undefined;
}

/**
 * A Mastra issue's field as mentorflow names it: `root` / `unknown` (the value itself) is `body`
 * (or `query` / `path`); URL parameters get their `query.` / `path.` prefix; an unrecognized key is
 * named by its own path.
 */
export function fieldName(
  context: 'query' | 'path' | 'body' | undefined,
  field: string | undefined,
  message = '',
): string | undefined {
  const where = context ?? 'body';
  const prefix = where === 'body' ? '' : where;
  const inner =
    field === undefined || field === 'root' || field === 'unknown' || field === ''
      ? undefined
      : field.replace(/^root\./, '');
  const key = unrecognizedKey(message);
  const path = [inner, key].filter((p) => p !== undefined).join('.');
  if (!path) return where;
  return prefix ? `${prefix}.${path}` : path;
}

/** The field (as mentorflow names it) whose value the client sent as `value`, if exactly findable. */
export function fieldHolding(value: string, sent: SentInput): string | undefined {
  for (const [name, v] of Object.entries(sent.path)) if (v === value) return `path.${name}`;
  for (const [name, values] of Object.entries(sent.query))
    if (values.includes(value)) return `query.${name}`;
  let found: string | undefined;
  const walk = (node: unknown, path: string[], depth: number) => {
    if (found !== undefined || depth > 64) return;
    if (typeof node === 'string' || typeof node === 'number') {
      if (String(node) === value && path.length) found = path.join('.');
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, inner] of Object.entries(node)) walk(inner, [...path, key], depth + 1);
  };
  walk(sent.body, [], 0);
  return found;
}

interface ServerErrorClass {
  pattern: RegExp;
  code: ErrorCode;
  message: (m: RegExpExecArray, original: string) => string;
  /** Group of `pattern` holding a value the client sent: the field that carried it is named. */
  value?: number;
  /** The field otherwise (or when the value is not found). */
  field?: (m: RegExpExecArray, sent: SentInput) => string | undefined;
  /** Only on this route (method and Mastra path). */
  route?: string;
}

const sentField = (name: string) => (_: RegExpExecArray, sent: SentInput) =>
  name in sent.query
    ? `query.${name}`
    : isRecord(sent.body) && name in sent.body
      ? name
      : undefined;

/**
 * Mastra answers these client errors and missing features with a 500; what each really is. Each
 * was found by the fuzzer (test/fuzz); a new Mastra version may word them differently, which the
 * fuzz test notices (a 5xx again).
 */
const serverErrorClasses: ServerErrorClass[] = [
  // A feature mentorflow does not configure: the route has nothing to serve here.
  {
    pattern: /not configured|does not support|not supported|is deprecated|no voice provider/i,
    code: 'NOT_FOUND',
    message: (_, original) => `not available on this server: ${original}`,
  },
  {
    pattern: /could not find a suspended run for runId "([^"]*)"/,
    code: 'NOT_FOUND',
    message: (m) => `no suspended run '${m[1]}'`,
    value: 1,
    field: () => 'runId',
  },
  {
    pattern: /could not find an active or suspended run for thread "([^"]*)"/,
    code: 'NOT_FOUND',
    message: (m) => `no active or suspended run on thread '${m[1]}'`,
    value: 1,
    field: () => 'threadId',
  },
  {
    pattern: /^No active agent run found for signal target$/,
    code: 'NOT_FOUND',
    message: () => 'no active agent run to send this to',
    field: sentField('runId'),
  },
  {
    pattern: /^Thread with id (.*) is for resource with id (.*) but resource (.*) was queried\.$/,
    code: 'NOT_FOUND',
    message: (m) => `no thread '${m[1]}' for resource '${m[3]}'`,
    value: 3,
    field: sentField('resourceId'),
  },
  {
    pattern: /^Cannot time travel to step '(.*)': the step does not exist/,
    code: 'NOT_FOUND',
    message: (m) => `no step '${m[1]}' in this run`,
    value: 1,
    field: sentField('step'),
  },
  {
    pattern: /^(?:\w+ )+with id (.+) not found\.?$/i,
    code: 'NOT_FOUND',
    message: (_, original) => original,
    value: 1,
  },
  {
    pattern: /could not resolve step "(.*)" at executionPath/,
    code: 'NOT_FOUND',
    message: (m) => `no step '${m[1]}' in this workflow`,
    value: 1,
    field: () => 'stepId',
  },
  {
    pattern: /Could not find API key [\w.]+ for model id (\S+)/,
    code: 'VALIDATION_ERROR',
    message: (m) => `model '${m[1]}' cannot be used on this server (its provider has no API key)`,
    value: 1,
    field: sentField('model'),
  },
  {
    pattern:
      /Attempted to parse provider\/model from (.*) but this ID doesn't appear to contain a provider/,
    code: 'VALIDATION_ERROR',
    message: (m) => `expected a model id as provider/model, got '${m[1]}'`,
    value: 1,
  },
  // The model named in the request resolves to nothing (the agent's own model is not the client's fault).
  {
    pattern: /Failed to resolve model configuration/,
    code: 'VALIDATION_ERROR',
    message: () => 'not a model this server can use',
    field: sentField('model'),
  },
  {
    pattern: /Could not find config for provider (.*) with model id (.*)$/,
    code: 'VALIDATION_ERROR',
    message: (m) => `no provider '${m[1]}' for model '${m[2]}' on this server`,
    value: 2,
  },
  {
    pattern: /^No thread found with id (.*)$/,
    code: 'NOT_FOUND',
    message: (m) => `no thread '${m[1]}'`,
    value: 1,
    field: () => 'threadId',
  },
  {
    pattern: /no resourceId was provided/,
    code: 'VALIDATION_ERROR',
    message: () => 'required: this memory keeps working memory per resource',
    field: (_, sent) => (isRecord(sent.body) ? 'resourceId' : 'query.resourceId'),
  },
  // A stored workflow definition refused by Mastra's validator: its first issue names the field.
  {
    pattern: /failed validation with \d+ issue\(s\):\n- \[[\w-]+\] ([^:\s]+): ([^\n]*)/,
    code: 'VALIDATION_ERROR',
    message: (m) => m[2]!,
    field: (m) => m[1],
  },
  // The SSO callback reads a URL out of its `state` parameter without checking it first.
  {
    pattern: /^Invalid URL$/,
    code: 'VALIDATION_ERROR',
    message: () => 'a URL in the request is not a valid URL',
    field: (_, sent) => ('state' in sent.query ? 'query.state' : undefined),
  },
  {
    pattern: /^Invalid cron expression/,
    code: 'VALIDATION_ERROR',
    message: (_, original) => original,
    field: sentField('cron'),
  },
  {
    pattern: /^Invalid (\w+) key: "/,
    code: 'VALIDATION_ERROR',
    message: (_, original) => original,
    field: (m, sent) => sentField(m[1]!)(m, sent),
  },
  // PostgreSQL refusing a value for its column type (a fraction for an integer…).
  {
    pattern: /^invalid input syntax for type (\w+): "(.*)"$/,
    code: 'VALIDATION_ERROR',
    message: (m) => `expected a valid ${m[1]}, got '${m[2]}'`,
    value: 2,
  },
  // Resuming a run of a workflow that keeps no snapshot of it (a processor workflow, an unknown run).
  {
    pattern: /^No snapshot found for this workflow run: (\S+) (\S+)$/,
    code: 'NOT_FOUND',
    message: (m) => `no run '${m[2]}' of workflow '${m[1]}' to resume`,
    field: (_, sent) => ('runId' in sent.query ? 'query.runId' : sentField('runId')(_, sent)),
  },
  // A run created (create-run) but never started has no snapshot to restart from.
  {
    pattern: /^Snapshot not found for run (\S+?)\.?$/,
    code: 'NOT_FOUND',
    message: (m) => `run '${m[1]}' has nothing to restart (it never ran)`,
    field: (_, sent) => ('runId' in sent.query ? 'query.runId' : sentField('runId')(_, sent)),
  },
  // A stored workflow's graph that cannot be rebuilt (a sleepUntil without a date…).
  {
    pattern: /^Stored (\w+) "(.*)" has an unparseable (\w+): (.*)$/,
    code: 'VALIDATION_ERROR',
    message: (m) => `a ${m[1]} step has an unparseable ${m[3]}: '${m[4]}'`,
    field: () => 'graph',
  },
  // PostgreSQL refusing a row Mastra's stored-agent/workflow routes built from an incomplete body.
  {
    pattern: /^null value in column "(\w+)" of relation "\w+" violates not-null constraint$/,
    code: 'VALIDATION_ERROR',
    message: () => 'required (this server keeps no default for it)',
    field: (m) => m[1],
  },
  {
    pattern: /^duplicate key value violates unique constraint "\w+"$/,
    code: 'CONFLICT',
    message: () => 'one with this id exists already',
    field: sentField('id'),
  },
  {
    pattern: /^All message IDs must be non-empty strings$/,
    code: 'VALIDATION_ERROR',
    message: () => 'expected non-empty strings',
    field: sentField('messageIds'),
  },
  // PostgreSQL storage throws its NOT_FOUND with an id Mastra's datasets handler does not map: "Unknown error".
  {
    route: 'PATCH /api/datasets/:datasetId/experiments/:experimentId/results/:resultId',
    pattern: /^Unknown error$/,
    code: 'NOT_FOUND',
    message: () => 'no such experiment result',
    field: () => 'path.resultId',
  },
];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether the body holds a value at `path` (`a.b.0`). */
function bodyHas(body: unknown, path: string[]): boolean {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return path.length > 0;
}

/** A 500 whose text is a serialised zod error (a schema inside a handler refused the input). */
function zodIssuesIn(text: string): { path: string[]; message: string }[] | undefined {
  if (!text.trimStart().startsWith('[')) return undefined;
  try {
    const issues = JSON.parse(text) as unknown;
    if (!Array.isArray(issues) || !issues.length) return undefined;
    if (
      !issues.every(
        (i) =>
          isRecord(i) &&
          typeof i.message === 'string' &&
          Array.isArray(i.path) &&
          typeof i.code === 'string',
      )
    )
      return undefined;
    return issues.map((i) => ({
      path: (i.path as unknown[]).map(String),
      message: i.message as string,
    }));
  } catch {
    return undefined;
  }
}

/**
 * Translate a Mastra error answer (status and parsed JSON body, or undefined when it was not JSON)
 * into an AppError. Unknown 5xx become INTERNAL with a generic message: their text is internal.
 */
export function fromMastraError(
  status: number,
  body: unknown,
  sent: SentInput,
  method: string,
  path: string,
  route?: string,
): AppError {
  const b = (body ?? {}) as {
    error?: unknown;
    message?: unknown;
    code?: unknown;
    issues?: { field?: unknown; message?: unknown; path?: unknown }[];
  };
  const errorText =
    typeof b.error === 'string' ? b.error : typeof b.message === 'string' ? b.message : undefined;
  if (status >= 500) {
    const text =
      typeof b.error === 'string'
        ? b.error
        : typeof (b.error as { message?: unknown })?.message === 'string'
          ? (b.error as { message: string }).message
          : '';
    for (const known of serverErrorClasses) {
      if (known.route && known.route !== `${method} ${route}`) continue;
      const match = known.pattern.exec(text);
      if (!match) continue;
      const value = known.value !== undefined ? match[known.value] : undefined;
      const field =
        (value !== undefined ? fieldHolding(value, sent) : undefined) ?? known.field?.(match, sent);
      // A model error without the client naming a model is this server's, not the client's.
      if (known.field && !field && known.code === 'VALIDATION_ERROR' && value === undefined) break;
      const message = known.message(match, text);
      return new AppError(
        known.code,
        field && !message.startsWith(field) ? `${field}: ${message}` : message,
        field ? { field } : {},
      );
    }
    const issues = zodIssuesIn(text);
    if (issues) {
      const first = issues[0]!;
      // The issue's path is relative to whatever the handler parsed: name it only if the body has it.
      const field = bodyHas(sent.body, first.path) ? first.path.join('.') : undefined;
      return new AppError(
        'VALIDATION_ERROR',
        field ? `${field}: ${first.message}` : first.message,
        field ? { field } : {},
      );
    }
    return new AppError('INTERNAL', 'internal error');
  }
  const code = codeByStatus[status] ?? (status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_ERROR');
  const issues = Array.isArray(b.issues) ? b.issues : [];
  if (issues.length) {
    const context = typeof b.error === 'string' ? contextOf(b.error) : 'body';
    const named = issues.map((issue) => {
      const message = typeof issue.message === 'string' ? issue.message : 'invalid';
      const raw =
        typeof issue.field === 'string'
          ? issue.field
          : Array.isArray(issue.path)
            ? issue.path.map(String).join('.')
            : undefined;
      return { field: fieldName(context, raw, message), message };
    });
    const first = named[0]!;
    const isJson = first.field === 'body' && /JSON/i.test(first.message);
    return new AppError(
      isJson ? 'INVALID_JSON' : status === 413 ? 'PAYLOAD_TOO_LARGE' : code,
      `${first.field}: ${first.message}`,
      {
        field: first.field,
        details: { issues: named },
      },
    );
  }
  const message =
    typeof b.message === 'string' && b.message
      ? b.message
      : (errorText ?? `${method} ${path}: ${status}`);
  if (status === 401 || status === 403)
    return new AppError(code, message, { field: 'authorization' });
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', message, { field: 'body' });
  if (status === 405) return new AppError('NOT_FOUND', `no route for ${method} ${path}`);
  return new AppError(code, message);
}
