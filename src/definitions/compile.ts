import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';
import type { BranchStep, Definition, LeafStep, ParallelStep, Step } from './schema.ts';
import { dependenciesOf } from './validate.ts';

/*
 * A stored definition version → a Mastra workflow (`createWorkflow`/`createStep`), registered on the
 * Mastra instance so Studio lists and draws it. Every definition step is a Mastra step; a parallel
 * fork is a nested workflow (fork → `.parallel` of one nested workflow per branch → join), a
 * conditional is a nested workflow (decide → `.branch` of the two arms), steps of one list whose
 * dependencies allow it run in `.parallel`. What a step does (policies, records, suspend) is the
 * runner's (`step-runner.ts`): the compiled graph only carries the run id from step to step.
 */

/** What flows between the compiled steps: the run id (step outputs live in PostgreSQL). */
export const carrierSchema = z.object({ runId: z.string() });
export type Carrier = z.output<typeof carrierSchema>;

/** Where a step sits: the forks and conditionals around it, innermost last. */
export type Enclosing =
  | { kind: 'parallel'; step: ParallelStep; branchId: string }
  | { kind: 'branch'; step: BranchStep; arm: 'true' | 'false' };

/** The Mastra step context the runner receives (the parts it uses). */
export interface StepContext {
  inputData: Carrier & { arm?: string };
  resumeData?: unknown;
  suspend: (payload?: unknown) => Promise<unknown>;
  abortSignal: AbortSignal;
}

/** What the compiled steps call. */
export interface StepHooks {
  leaf(step: LeafStep, enclosing: Enclosing[], ctx: StepContext): Promise<unknown>;
  fork(step: ParallelStep, enclosing: Enclosing[], ctx: StepContext): Promise<Carrier>;
  branchEnd(
    fork: ParallelStep,
    branchId: string,
    enclosing: Enclosing[],
    ctx: StepContext,
  ): Promise<Carrier>;
  join(step: ParallelStep, enclosing: Enclosing[], ctx: StepContext): Promise<Carrier>;
  decide(
    step: BranchStep,
    enclosing: Enclosing[],
    ctx: StepContext,
  ): Promise<Carrier & { arm: 'true' | 'false' }>;
}

export interface Compiled {
  /** The Mastra workflow (commit()ed). */
  workflow: ReturnType<typeof createWorkflow>;
  /** Mastra step path of each human/event/escalatable step, for `run.resume({ step })`. */
  paths: Map<string, string[]>;
}

/**
 * Mastra's snapshot is written when a run suspends (a resume needs it) or ends (Studio lists the
 * run), not at every step: the run's state is ours, in PostgreSQL, and a taken-over run starts a
 * new Mastra run from it.
 */
const options = {
  shouldPersistSnapshot: ({ workflowStatus }: { workflowStatus: string }) =>
    workflowStatus !== 'pending' && workflowStatus !== 'running',
};

/** The id a version is registered under in Mastra (and Studio). */
export function workflowIdOf(definitionId: string, version: number): string {
  return `udw-${definitionId}-v${version}`;
}

const any = z.any();

function carrierOf(value: unknown): Carrier {
  if (value && typeof value === 'object') {
    if (typeof (value as Carrier).runId === 'string') return { runId: (value as Carrier).runId };
    for (const inner of Object.values(value)) {
      if (inner && typeof inner === 'object' && typeof (inner as Carrier).runId === 'string')
        return { runId: (inner as Carrier).runId };
    }
  }
  throw new Error('compiled workflow lost its run id');
}

/** Dependency levels of a list: each level's steps only wait for earlier levels. */
export function levelsOf(list: Step[]): Step[][] {
  const deps = dependenciesOf(list);
  const level = new Map<string, number>();
  const depth = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    const own = deps.get(id) ?? [];
    const value = own.length ? 1 + Math.max(...own.map(depth)) : 0;
    level.set(id, value);
    return value;
  };
  const levels: Step[][] = [];
  for (const step of list) (levels[depth(step.id)] ??= []).push(step);
  return levels.filter(Boolean);
}

/** Compile one definition version with `hooks` doing the work of each step. */
export function compileDefinition(
  definition: Definition,
  version: number,
  hooks: StepHooks,
): Compiled {
  const topId = workflowIdOf(definition.id, version);
  const paths = new Map<string, string[]>();
  let maps = 0;
  const toCarrier = () =>
    // biome-ignore lint/suspicious/noExplicitAny: Mastra's mapping step context
    [async ({ inputData }: any) => carrierOf(inputData), { id: `carry-${++maps}` }] as const;

  const leafStep = (step: LeafStep, enclosing: Enclosing[], path: string[]) => {
    paths.set(step.id, [...path, step.id]);
    return createStep({
      id: step.id,
      description: step.description ?? step.name ?? `${step.kind} step`,
      inputSchema: carrierSchema,
      outputSchema: any,
      resumeSchema: any,
      suspendSchema: any,
      // biome-ignore lint/suspicious/noExplicitAny: the runner returns a carrier or Mastra's suspend marker
      execute: async (ctx): Promise<any> => hooks.leaf(step, enclosing, ctx as never),
    });
  };

  const listWorkflow = (
    id: string,
    list: Step[],
    enclosing: Enclosing[],
    path: string[],
    description?: string,
  ) => {
    // biome-ignore lint/suspicious/noExplicitAny: the chain's generic types grow with every call
    let wf: any = createWorkflow({
      id,
      description,
      inputSchema: carrierSchema,
      outputSchema: carrierSchema,
      options,
    });
    for (const level of levelsOf(list)) {
      const units = level.map((step) => unitOf(step, enclosing, path));
      wf = units.length === 1 ? wf.then(units[0]) : wf.parallel(units).map(...toCarrier());
    }
    return wf;
  };

  // biome-ignore lint/suspicious/noExplicitAny: a Mastra step or nested workflow
  function unitOf(step: Step, enclosing: Enclosing[], path: string[]): any {
    if (step.kind === 'parallel') return parallelUnit(step, enclosing, path);
    if (step.kind === 'branch') return branchUnit(step, enclosing, path);
    return leafStep(step, enclosing, path);
  }

  function parallelUnit(step: ParallelStep, enclosing: Enclosing[], path: string[]) {
    const id = `${topId}--${step.id}`;
    const inner = [...path, id];
    const branches = step.branches.map((branch) => {
      const within: Enclosing[] = [...enclosing, { kind: 'parallel', step, branchId: branch.id }];
      const branchId = `${topId}--${branch.id}`;
      const wf = listWorkflow(branchId, branch.steps, within, [...inner, branchId]);
      return wf
        .then(
          createStep({
            id: `${branch.id}--end`,
            description: `branch ${branch.id} ends`,
            inputSchema: carrierSchema,
            outputSchema: carrierSchema,
            execute: async (ctx) => hooks.branchEnd(step, branch.id, within, ctx as never),
          }),
        )
        .commit();
    });
    return createWorkflow({
      id,
      description: `fork-join ${step.id}`,
      inputSchema: carrierSchema,
      outputSchema: carrierSchema,
      options,
    })
      .then(
        createStep({
          id: step.id,
          description: `fork ${step.id} (join: ${typeof step.join === 'object' ? `${step.join.atLeast} of ${step.branches.length}` : step.join})`,
          inputSchema: carrierSchema,
          outputSchema: carrierSchema,
          execute: async (ctx) => hooks.fork(step, enclosing, ctx as never),
        }),
      )
      .parallel(branches as never)
      .map(...toCarrier())
      .then(
        createStep({
          id: `${step.id}--join`,
          description: `join ${step.id}`,
          inputSchema: carrierSchema,
          outputSchema: carrierSchema,
          execute: async (ctx) => hooks.join(step, enclosing, ctx as never),
        }),
      )
      .commit();
  }

  function branchUnit(step: BranchStep, enclosing: Enclosing[], path: string[]) {
    const id = `${topId}--${step.id}`;
    const inner = [...path, id];
    const arm = (which: 'true' | 'false', list: Step[] | undefined) => {
      const armId = `${topId}--${step.id}-${which}`;
      const within: Enclosing[] = [...enclosing, { kind: 'branch', step, arm: which }];
      if (list) return listWorkflow(armId, list, within, [...inner, armId]).commit();
      return createStep({
        id: armId,
        description: 'nothing to do',
        inputSchema: carrierSchema,
        outputSchema: carrierSchema,
        execute: async ({ inputData }) => carrierOf(inputData),
      });
    };
    const yes = arm('true', step.trueBranch);
    const no = arm('false', step.falseBranch);
    return createWorkflow({
      id,
      description: `if ${step.condition}`,
      inputSchema: carrierSchema,
      outputSchema: carrierSchema,
      options,
    })
      .then(
        createStep({
          id: step.id,
          description: `if ${step.condition}`,
          inputSchema: carrierSchema,
          outputSchema: z.object({ runId: z.string(), arm: z.enum(['true', 'false']) }),
          execute: async (ctx) => hooks.decide(step, enclosing, ctx as never),
        }),
      )
      .branch([
        [async ({ inputData }) => inputData.arm === 'true', yes as never],
        [async ({ inputData }) => inputData.arm === 'false', no as never],
      ])
      .map(...toCarrier())
      .commit();
  }

  const description = `${definition.name ?? definition.id} (version ${version})${definition.description ? `: ${definition.description}` : ''}`;
  const built = listWorkflow(topId, definition.steps, [], [], description);
  return { workflow: built.commit(), paths };
}
