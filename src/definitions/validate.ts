import type { z } from 'zod';
import { parseCron } from './cron.ts';
import { type Expr, parseExpression } from './expression/parse.ts';
import { checkExpression, checkMapping, templateExpressions } from './expression/template.ts';
import {
  type Definition,
  definitionSchema,
  type LeafStep,
  leafStepSchema,
  parallelStepSchema,
  type Step,
  triggerSchema,
} from './schema.ts';

/** One thing wrong with a definition: where (`steps[2].onError.compensate`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** What a definition may name: the registered agents and tools, the stored definitions. */
export interface KnownNames {
  agents: readonly string[];
  tools: readonly string[];
  workflows: (id: string) => boolean;
}

export type Validation = { ok: true; definition: Definition } | { ok: false; problems: Problem[] };

/** `['steps', 2, 'onError']` → `steps[2].onError` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(definition)';
}

/** Names an expression may start with. */
export const scopeRoots = ['input', 'steps', 'event', 'secrets', 'run', 'payload'] as const;

function zodProblems(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    // A failed discriminated union reports at the union; its `kind` names the real field.
    problems.push({ path: formatPath(issue.path), message: issue.message });
  }
  return problems;
}

interface Located {
  step: Step;
  path: (string | number)[];
  /** The list the step belongs to (siblings), for dependency and ordering checks. */
  list: Step[];
}

function walk(steps: Step[], path: (string | number)[], into: Located[]): void {
  steps.forEach((step, i) => {
    const at = [...path, i];
    into.push({ step, path: at, list: steps });
    if (step.kind === 'parallel')
      step.branches.forEach((b, j) => walk(b.steps, [...at, 'branches', j, 'steps'], into));
    if (step.kind === 'branch') {
      walk(step.trueBranch, [...at, 'trueBranch'], into);
      if (step.falseBranch) walk(step.falseBranch, [...at, 'falseBranch'], into);
    }
  });
}

/** The steps each step waits for: its `dependsOn`, else the step before it in its list. */
export function dependenciesOf(list: Step[]): Map<string, string[]> {
  return new Map(
    list.map((step, i) => [step.id, step.dependsOn ?? (i > 0 ? [list[i - 1]!.id] : [])]),
  );
}

function findCycle(deps: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'open');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      if (!deps.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of deps.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

function constant(source: string): { value: unknown } | undefined {
  try {
    const expr: Expr = parseExpression(source);
    return expr.type === 'literal' ? { value: expr.value } : undefined;
  } catch {
    return undefined;
  }
}

function rootProblems(source: string): string[] {
  try {
    const roots = new Set<string>();
    const visit = (e: Expr): void => {
      if (e.type === 'path') {
        roots.add(e.root);
        e.segments.forEach(visit);
      } else if (e.type === 'array') e.items.forEach(visit);
      else if (e.type === 'unary') visit(e.operand);
      else if (e.type === 'binary') [e.left, e.right].forEach(visit);
      else if (e.type === 'conditional') [e.test, e.then, e.else].forEach(visit);
      else if (e.type === 'call') e.args.forEach(visit);
    };
    visit(parseExpression(source));
    return [...roots]
      .filter((r) => !(scopeRoots as readonly string[]).includes(r))
      .map(
        (r) => `unknown name "${r}" in expression "${source}" (known: ${scopeRoots.join(', ')})`,
      );
  } catch {
    return [];
  }
}

/**
 * Validate a definition: zod's structure, and everything across steps — duplicate ids, unknown
 * steps, agents, tools and workflows, dependency cycles, unreachable steps, compensations naming
 * nothing, expressions that do not parse. Every problem is reported with its path: when zod refuses
 * the structure, the checks across steps still run on what can be read of it ({@link looseDefinition})
 * and their problems are added to zod's (one problem per path, zod's first).
 */
export function validateDefinition(input: unknown, known: KnownNames): Validation {
  const parsed = definitionSchema.safeParse(input);
  if (parsed.success) {
    const problems = crossStepProblems(parsed.data, known);
    return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.data };
  }
  const problems = zodProblems(parsed.error);
  const reported = new Set(problems.map((p) => p.path));
  for (const problem of crossStepProblems(looseDefinition(input), known))
    if (!reported.has(problem.path)) problems.push(problem);
  return { ok: false, problems };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const stringOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * What the checks across steps can read of a definition zod refused: every step keeps its place
 * (paths stay right); a leaf zod accepts is kept whole, any other keeps only its id (else its path
 * stands in for it), `dependsOn`, `when`, `compensation` and `onError.compensate` when well typed;
 * forks and conditionals keep their branches. Unreadable triggers count as `api`.
 */
export function looseDefinition(input: unknown): Definition {
  const raw = isRecord(input) ? input : {};
  const list = (value: unknown, path: (string | number)[]): Step[] =>
    Array.isArray(value) ? value.map((s, i) => looseStep(s, [...path, i])) : [];
  const looseLeaf = (value: unknown, path: (string | number)[]) => {
    const leaf = leafStepSchema.safeParse(value);
    if (leaf.success) return leaf.data;
    const step = isRecord(value) ? value : {};
    const dependsOn = Array.isArray(step.dependsOn)
      ? step.dependsOn.every((d) => typeof d === 'string')
        ? (step.dependsOn as string[])
        : []
      : undefined;
    const onError = isRecord(step.onError) ? step.onError : undefined;
    return {
      id: stringOf(step.id) ?? formatPath(path),
      // A refused leaf's own fields are zod's to report: only a container's kind is kept.
      kind: step.kind === 'parallel' || step.kind === 'branch' ? step.kind : 'refused',
      dependsOn,
      when: stringOf(step.when),
      compensation: stringOf(step.compensation),
      onError: onError && { strategy: 'fail', compensate: stringOf(onError.compensate) },
    } as unknown as Step;
  };
  function looseStep(value: unknown, path: (string | number)[]): Step {
    const step = looseLeaf(value, path);
    if (!isRecord(value) || (step.kind !== 'parallel' && step.kind !== 'branch')) return step;
    if (step.kind === 'parallel') {
      const branches = Array.isArray(value.branches) ? value.branches : [];
      const join = parallelStepSchema.shape.join.safeParse(value.join);
      return {
        ...step,
        branches: branches.map((b: unknown, j) => ({
          id: stringOf(isRecord(b) ? b.id : undefined) ?? formatPath([...path, 'branches', j]),
          steps: list(isRecord(b) ? b.steps : undefined, [...path, 'branches', j, 'steps']),
        })),
        join: join.success ? join.data : 'all',
        onBranchError: 'fail',
      };
    }
    return {
      ...step,
      condition: stringOf(value.condition) as string,
      trueBranch: list(value.trueBranch, [...path, 'trueBranch']),
      falseBranch: Array.isArray(value.falseBranch)
        ? list(value.falseBranch, [...path, 'falseBranch'])
        : undefined,
    };
  }
  return {
    id: stringOf(raw.id) ?? '',
    triggers: (Array.isArray(raw.triggers) ? raw.triggers : []).map((t) => {
      const trigger = triggerSchema.safeParse(t);
      return trigger.success ? trigger.data : { type: 'api' as const };
    }),
    steps: list(raw.steps, ['steps']),
    compensations: (Array.isArray(raw.compensations) ? raw.compensations : []).map((c, i) =>
      looseLeaf(c, ['compensations', i]),
    ) as LeafStep[],
    onCancel: 'stop',
    output: raw.output,
  };
}

/** The checks across steps (see {@link validateDefinition}), on a parsed or loose definition. */
function crossStepProblems(definition: Definition, known: KnownNames): Problem[] {
  const problems: Problem[] = [];
  const add = (path: (string | number)[], message: string) =>
    problems.push({ path: formatPath(path), message });

  const located: Located[] = [];
  walk(definition.steps, ['steps'], located);
  const byId = new Map<string, Located>();
  for (const entry of located) {
    const seen = byId.get(entry.step.id);
    if (seen)
      add(
        [...entry.path, 'id'],
        `duplicate step id "${entry.step.id}" (also ${formatPath(seen.path)})`,
      );
    else byId.set(entry.step.id, entry);
  }
  const compensations = new Map(definition.compensations.map((c, i) => [c.id, i]));
  definition.compensations.forEach((c, i) => {
    if (byId.has(c.id)) add(['compensations', i, 'id'], `"${c.id}" is also a step id`);
  });
  const knownStep = (id: string) => byId.has(id);
  const checkExpr = (path: (string | number)[], source: string | undefined) => {
    if (source === undefined) return;
    for (const message of [...checkExpression(source, knownStep), ...rootProblems(source)])
      add(path, message);
  };
  const checkMap = (path: (string | number)[], value: unknown) => {
    for (const p of checkMapping(value, knownStep)) add([...path, ...p.path], p.message);
    for (const source of collectTemplates(value))
      for (const message of rootProblems(source)) add(path, message);
  };
  const referenced = new Set<string>();

  const checkLeafRefs = (step: Step, path: (string | number)[]) => {
    if (step.kind === 'agent' && !known.agents.includes(step.agent))
      add([...path, 'agent'], `unknown agent "${step.agent}" (known: ${known.agents.join(', ')})`);
    if (step.kind === 'tool' && !known.tools.includes(step.tool))
      add([...path, 'tool'], `unknown tool "${step.tool}" (known: ${known.tools.join(', ')})`);
    if (step.kind === 'workflow') {
      if (step.workflow === definition.id)
        add([...path, 'workflow'], `cycle: "${definition.id}" runs itself`);
      else if (!known.workflows(step.workflow))
        add([...path, 'workflow'], `unknown workflow "${step.workflow}"`);
    }
    if (step.kind === 'agent') checkMap([...path, 'prompt'], step.prompt);
    if (step.kind === 'tool' || step.kind === 'workflow') checkMap([...path, 'input'], step.input);
    if (step.kind === 'http') {
      checkMap([...path, 'url'], step.url);
      checkMap([...path, 'headers'], step.headers);
      checkMap([...path, 'body'], step.body);
    }
    if (step.kind === 'set') checkMap([...path, 'output'], step.output);
    if (step.kind === 'human') checkMap([...path, 'details'], step.details);
    if (step.kind === 'human' && step.timeoutMs !== undefined)
      add(
        [...path, 'timeoutMs'],
        'a human task has no timeout: use escalation.afterMs (reassign) or an escalate onError',
      );
    if (step.kind === 'event') checkExpr([...path, 'match'], step.match);
  };

  for (const { step, path, list } of located) {
    const siblings = new Set(list.map((s) => s.id));
    step.dependsOn?.forEach((dep, j) => {
      if (dep === step.id) add([...path, 'dependsOn', j], `step "${dep}" depends on itself`);
      else if (!byId.has(dep)) add([...path, 'dependsOn', j], `unknown step "${dep}"`);
      else if (!siblings.has(dep))
        add(
          [...path, 'dependsOn', j],
          `unreachable: "${dep}" is not in the same list as "${step.id}", so the step could never wait for it`,
        );
    });
    checkExpr([...path, 'when'], step.when);
    const never = step.when === undefined ? undefined : constant(step.when);
    if (never && !never.value)
      add(
        [...path, 'when'],
        `unreachable: the condition is always false, "${step.id}" can never run`,
      );
    if (step.compensation !== undefined) {
      referenced.add(step.compensation);
      if (!compensations.has(step.compensation))
        add([...path, 'compensation'], `unknown step "${step.compensation}" in compensations`);
    }
    if (step.onError?.compensate !== undefined) {
      referenced.add(step.onError.compensate);
      if (!compensations.has(step.onError.compensate))
        add([...path, 'onError', 'compensate'], `unknown step "${step.onError.compensate}"`);
    }
    if (
      step.kind === 'parallel' &&
      typeof step.join === 'object' &&
      step.join.atLeast > step.branches.length
    )
      add(
        [...path, 'join', 'atLeast'],
        `${step.join.atLeast} of ${step.branches.length} branches can never join`,
      );
    if (step.kind === 'parallel')
      step.branches.forEach((b, j) => {
        if (byId.has(b.id))
          add([...path, 'branches', j, 'id'], `branch id "${b.id}" is also a step id`);
      });
    if (step.kind === 'branch') {
      checkExpr([...path, 'condition'], step.condition);
      const fixed = constant(step.condition);
      if (fixed && step.falseBranch)
        add(
          [...path, 'if'],
          `unreachable: the condition is always ${Boolean(fixed.value)}, one arm can never run`,
        );
    }
    checkLeafRefs(step, path);
  }
  const lists = new Set(located.map((l) => l.list));
  for (const list of lists) {
    // A duplicate id is reported above; its list's graph would only show a false cycle.
    if (new Set(list.map((s) => s.id)).size !== list.length) continue;
    const cycle = findCycle(dependenciesOf(list));
    if (cycle) {
      const first = located.find((l) => l.step.id === cycle[0])!;
      add([...first.path, 'dependsOn'], `cycle: ${cycle.join(' → ')}`);
    }
  }
  definition.compensations.forEach((c, i) => {
    checkLeafRefs(c, ['compensations', i]);
    if (c.kind === 'human' || c.kind === 'event')
      add(['compensations', i, 'kind'], `a compensation must run unattended (not "${c.kind}")`);
    if (!referenced.has(c.id))
      add(['compensations', i], `unreachable: no step names "${c.id}" as its compensation`);
  });
  definition.triggers.forEach((t, i) => {
    if (t.type === 'cron') {
      try {
        parseCron(t.cron);
      } catch (error) {
        add(
          ['triggers', i, 'cron'],
          `cron "${t.cron}" does not parse: ${(error as Error).message}`,
        );
      }
    }
    if (t.type === 'webhook' || t.type === 'event')
      checkExpr(['triggers', i, 'condition'], t.condition);
  });
  checkMap(['output'], definition.output);
  return problems;
}

function collectTemplates(value: unknown): string[] {
  if (typeof value === 'string') return templateExpressions(value);
  if (Array.isArray(value)) return value.flatMap(collectTemplates);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectTemplates);
  return [];
}
