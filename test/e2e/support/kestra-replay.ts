/**
 * Replays a Kestra flow's HTTP calls in order, the way a Kestra executor would run it, for the subset
 * of Kestra the mentorflow example flow uses: tasks `io.kestra.plugin.core.http.Request`,
 * `io.kestra.plugin.core.execution.Assert`, `io.kestra.plugin.core.flow.ForEach` (sequential) and
 * `io.kestra.plugin.core.log.Log`; flow `pluginDefaults`; and Pebble expressions made of variables
 * (`inputs.x`, `outputs.task.body`, `taskrun.value`, `execution.id`), property and index access,
 * string and number literals, `==` / `!=`, `and` / `or` / `not`, and the functions `fromJson` and
 * `toJson`. Anything else throws, like Kestra's strict variables: an unknown task type, function or
 * variable fails the replay instead of being skipped.
 */
import { randomUUID } from 'node:crypto';

export interface KestraTask {
  id: string;
  type: string;
  [property: string]: unknown;
}

export interface KestraFlow {
  id: string;
  namespace: string;
  inputs?: { id: string; type: string; defaults?: unknown }[];
  pluginDefaults?: { type: string; values: Record<string, unknown> }[];
  tasks: KestraTask[];
}

export interface RequestRecord {
  taskId: string;
  method: string;
  uri: string;
  status: number;
  body: string;
}

export interface ReplayResult {
  requests: RequestRecord[];
  asserts: { taskId: string; conditions: string[] }[];
  logs: string[];
}

export const supportedTaskTypes = [
  'io.kestra.plugin.core.http.Request',
  'io.kestra.plugin.core.execution.Assert',
  'io.kestra.plugin.core.flow.ForEach',
  'io.kestra.plugin.core.log.Log',
] as const;

// ---------------------------------------------------------------------------------------------------
// Pebble subset

type Token = { kind: 'id' | 'str' | 'num' | 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:([A-Za-z_][\w]*)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\d+(?:\.\d+)?)|(==|!=|[.()[\],]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    if (!m) throw new Error(`Pebble: cannot read "${source.slice(at)}" in {{ ${source} }}`);
    at = pattern.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'id', value: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', value: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) tokens.push({ kind: 'str', value: m[3].replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) tokens.push({ kind: 'num', value: m[4] });
    else tokens.push({ kind: 'op', value: m[5]! });
  }
  return tokens;
}

const functions: Record<string, (...args: unknown[]) => unknown> = {
  fromJson: (value) => {
    if (typeof value !== 'string')
      throw new Error(`fromJson: expected a string, got ${typeof value}`);
    return JSON.parse(value);
  },
  toJson: (value) => JSON.stringify(value),
};

/** Evaluate one Pebble expression (the text between `{{` and `}}`) in `context`. */
export function evaluate(source: string, context: Record<string, unknown>): unknown {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const accept = (kind: Token['kind'], value?: string) => {
    const t = peek();
    if (t && t.kind === kind && (value === undefined || t.value === value)) return next();
    return undefined;
  };
  const expect = (kind: Token['kind'], value: string) => {
    if (!accept(kind, value)) throw new Error(`Pebble: expected "${value}" in {{ ${source} }}`);
  };
  const member = (target: unknown, key: string | number, path: string): unknown => {
    if (target === null || typeof target !== 'object' || !(String(key) in (target as object))) {
      throw new Error(`Pebble: ${path} is undefined in {{ ${source} }}`);
    }
    return (target as Record<string, unknown>)[String(key)];
  };

  function primary(): { value: unknown; path: string } {
    const t = next();
    if (!t) throw new Error(`Pebble: unexpected end of {{ ${source} }}`);
    if (t.kind === 'str') return { value: t.value, path: `'${t.value}'` };
    if (t.kind === 'num') return { value: Number(t.value), path: t.value };
    if (t.kind === 'op' && t.value === '(') {
      const value = or();
      expect('op', ')');
      return { value, path: '(…)' };
    }
    if (t.kind === 'id') {
      if (t.value === 'true' || t.value === 'false')
        return { value: t.value === 'true', path: t.value };
      if (t.value === 'null') return { value: null, path: 'null' };
      if (accept('op', '(')) {
        const fn = functions[t.value];
        if (!fn) throw new Error(`Pebble: unknown function ${t.value}() in {{ ${source} }}`);
        const args: unknown[] = [];
        if (!accept('op', ')')) {
          do args.push(or());
          while (accept('op', ','));
          expect('op', ')');
        }
        return { value: fn(...args), path: `${t.value}(…)` };
      }
      if (!(t.value in context))
        throw new Error(`Pebble: variable ${t.value} is undefined in {{ ${source} }}`);
      return { value: context[t.value], path: t.value };
    }
    throw new Error(`Pebble: unexpected "${t.value}" in {{ ${source} }}`);
  }

  function postfix(): unknown {
    let { value, path } = primary();
    for (;;) {
      if (accept('op', '.')) {
        const name = next();
        if (!name || name.kind !== 'id')
          throw new Error(`Pebble: expected a property name in {{ ${source} }}`);
        path = `${path}.${name.value}`;
        value = member(value, name.value, path);
      } else if (accept('op', '[')) {
        const key = or();
        expect('op', ']');
        path = `${path}[${JSON.stringify(key)}]`;
        value = member(value, key as string | number, path);
      } else return value;
    }
  }

  function not(): unknown {
    if (accept('id', 'not')) return !truthy(not());
    return postfix();
  }

  function comparison(): unknown {
    const left = not();
    if (accept('op', '==')) return left === not();
    if (accept('op', '!=')) return left !== not();
    return left;
  }

  function and(): unknown {
    let value = comparison();
    while (accept('id', 'and')) value = truthy(value) && truthy(comparison());
    return value;
  }

  function or(): unknown {
    let value = and();
    while (accept('id', 'or')) value = truthy(value) || truthy(and());
    return value;
  }

  const value = or();
  if (i !== tokens.length)
    throw new Error(`Pebble: unexpected "${tokens[i]!.value}" in {{ ${source} }}`);
  return value;
}

/** Kestra's boolean coercion of a rendered condition. */
export function truthy(value: unknown): boolean {
  if (typeof value === 'string') return !['', 'false', '0'].includes(value.trim().toLowerCase());
  return Boolean(value) && value !== 0;
}

const stringify = (value: unknown) =>
  typeof value === 'string'
    ? value
    : value !== null && typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Render a template: every `{{ … }}` replaced by its value. A lone expression keeps its type. */
export function render(template: unknown, context: Record<string, unknown>): unknown {
  if (typeof template !== 'string') return template;
  const lone = /^\{\{([\s\S]*?)\}\}$/.exec(template.trim());
  if (lone && !lone[1]!.includes('}}')) return evaluate(lone[1]!, context);
  return template.replace(/\{\{([\s\S]*?)\}\}/g, (_, source: string) =>
    stringify(evaluate(source, context)),
  );
}

// ---------------------------------------------------------------------------------------------------
// Execution

export interface ReplayOptions {
  inputs: Record<string, string>;
  /** Called after each HTTP call, e.g. to record states. */
  onResponse?: (record: RequestRecord) => void;
}

export class KestraTaskFailed extends Error {
  readonly taskId: string;
  constructor(taskId: string, message: string) {
    super(`task ${taskId} failed: ${message}`);
    this.taskId = taskId;
  }
}

/** Run the flow's tasks in order; throws KestraTaskFailed at the first failing task (as Kestra stops an execution). */
export async function replayFlow(flow: KestraFlow, options: ReplayOptions): Promise<ReplayResult> {
  const inputs: Record<string, unknown> = {};
  for (const input of flow.inputs ?? []) {
    const value = options.inputs[input.id] ?? input.defaults;
    if (value === undefined) throw new Error(`input ${input.id} is required`);
    inputs[input.id] = value;
  }
  const outputs: Record<string, unknown> = {};
  const context: Record<string, unknown> = {
    inputs,
    outputs,
    execution: { id: randomUUID().replace(/-/g, '').slice(0, 22) },
    flow: { id: flow.id, namespace: flow.namespace },
  };
  const result: ReplayResult = { requests: [], asserts: [], logs: [] };

  const withDefaults = (task: KestraTask): KestraTask => {
    const defaults = (flow.pluginDefaults ?? [])
      .filter((d) => d.type === task.type)
      .map((d) => d.values);
    const merged: Record<string, unknown> = {};
    for (const values of [...defaults, task]) {
      for (const [key, value] of Object.entries(values)) {
        merged[key] =
          key === 'headers'
            ? { ...(merged.headers as object | undefined), ...(value as object) }
            : value;
      }
    }
    return merged as KestraTask;
  };

  async function run(
    raw: KestraTask,
    scope: Record<string, unknown>,
    store: (output: unknown) => void,
  ): Promise<void> {
    const task = withDefaults(raw);
    const r = (value: unknown) => {
      try {
        return render(value, scope);
      } catch (error) {
        throw new KestraTaskFailed(task.id, (error as Error).message);
      }
    };
    switch (task.type) {
      case 'io.kestra.plugin.core.http.Request': {
        const method = String(r(task.method ?? 'GET')).toUpperCase();
        const uri = String(r(task.uri));
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(
          (task.headers as Record<string, unknown> | undefined) ?? {},
        ))
          headers[name] = stringify(r(value));
        const body = task.body === undefined ? undefined : stringify(r(task.body));
        if (body !== undefined && task.contentType)
          headers['Content-Type'] = String(task.contentType);
        const res = await fetch(uri, {
          method,
          headers,
          body: method === 'GET' ? undefined : body,
        });
        const text = await res.text();
        const record: RequestRecord = {
          taskId: task.id,
          method,
          uri,
          status: res.status,
          body: text,
        };
        result.requests.push(record);
        options.onResponse?.(record);
        if (res.status >= 400)
          throw new KestraTaskFailed(task.id, `HTTP ${res.status} from ${method} ${uri}: ${text}`);
        store({ code: res.status, body: text, headers: Object.fromEntries(res.headers) });
        return;
      }
      case 'io.kestra.plugin.core.execution.Assert': {
        const conditions = (task.conditions as string[]) ?? [];
        if (!conditions.length) throw new KestraTaskFailed(task.id, 'no conditions');
        for (const condition of conditions) {
          if (!truthy(r(condition)))
            throw new KestraTaskFailed(
              task.id,
              `assertion ${condition} is false${task.errorMessage ? `: ${String(task.errorMessage)}` : ''}`,
            );
        }
        result.asserts.push({ taskId: task.id, conditions });
        return;
      }
      case 'io.kestra.plugin.core.flow.ForEach': {
        const rendered = r(task.values);
        const values =
          typeof rendered === 'string'
            ? (JSON.parse(rendered) as unknown[])
            : (rendered as unknown[]);
        if (!Array.isArray(values)) throw new KestraTaskFailed(task.id, 'values is not a list');
        if (task.concurrencyLimit !== undefined && task.concurrencyLimit !== 1)
          throw new KestraTaskFailed(
            task.id,
            'only sequential ForEach (concurrencyLimit: 1) is replayed',
          );
        for (const value of values) {
          const inner = { ...scope, taskrun: { value: stringify(value) } };
          for (const child of task.tasks as KestraTask[]) {
            await run(child, inner, (output) => {
              ((outputs[child.id] ??= {}) as Record<string, unknown>)[stringify(value)] = output;
            });
          }
        }
        return;
      }
      case 'io.kestra.plugin.core.log.Log':
        result.logs.push(stringify(r(task.message)));
        return;
      default:
        throw new KestraTaskFailed(
          task.id,
          `task type ${task.type} is not replayed (supported: ${supportedTaskTypes.join(', ')})`,
        );
    }
  }

  for (const task of flow.tasks) {
    await run(task, context, (output) => {
      outputs[task.id] = output;
    });
  }
  return result;
}
