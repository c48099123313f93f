import type {
  BranchStepInput,
  DefinitionInput,
  LeafStepInput,
  ParallelStepInput,
  StepInput,
} from './schema.ts';

/*
 * A typed TypeScript builder for the same data a JSON or YAML definition holds (seed 004's
 * `WorkflowBuilder`): `build()` returns the plain definition, which the API and the validator take
 * as they take a file.
 *
 *   const wf = new WorkflowBuilder('triage')
 *     .setDefaults({ timeoutMs: 60_000, retry: { maxAttempts: 3 } })
 *     .addStep(agentStep('analyze', 'planner', 'Plan: {{ input.request }}'))
 *     .addParallel('checks', {
 *       types: [toolStep('tsc', 'parse-tsc', { report: '{{ input.tsc }}' })],
 *       lint: [toolStep('eslint', 'parse-eslint', { report: '{{ input.eslint }}' })],
 *     })
 *     .setOutput({ plan: '{{ steps.analyze.output.text }}' })
 *     .build();
 *
 * Branches are a record (branch id → its steps), in the order given.
 */

type Options<K extends StepInput['kind']> = Omit<Extract<StepInput, { kind: K }>, 'id' | 'kind'>;
type Extra<K extends StepInput['kind'], Required extends string> = Omit<Options<K>, Required>;

/** An agent step: `agent` by id or registry key, `prompt` a template over earlier outputs. */
export const agentStep = (
  id: string,
  agent: string,
  prompt: string,
  options: Extra<'agent', 'agent' | 'prompt'> = {},
): LeafStepInput => ({ id, kind: 'agent', agent, prompt, ...options });

/** A Mastra tool step. */
export const toolStep = (
  id: string,
  tool: string,
  input?: unknown,
  options: Extra<'tool', 'tool' | 'input'> = {},
): LeafStepInput => ({ id, kind: 'tool', tool, input, ...options });

/** An HTTP call. */
export const httpStep = (id: string, options: Options<'http'>): LeafStepInput => ({
  id,
  kind: 'http',
  ...options,
});

/** A step computing its output from earlier ones. */
export const setStep = (
  id: string,
  output: unknown,
  options: Extra<'set', 'output'> = {},
): LeafStepInput => ({ id, kind: 'set', output, ...options });

/** Another stored definition, run as a nested workflow. */
export const subWorkflowStep = (
  id: string,
  workflow: string,
  input?: unknown,
  options: Extra<'workflow', 'workflow' | 'input'> = {},
): LeafStepInput => ({ id, kind: 'workflow', workflow, input, ...options });

/** A human task: the run waits for its answer. */
export const humanStep = (id: string, options: Options<'human'>): LeafStepInput => ({
  id,
  kind: 'human',
  ...options,
});

/** Wait for an event whose payload `match`es. */
export const eventStep = (
  id: string,
  event: string,
  options: Extra<'event', 'event'> = {},
): LeafStepInput => ({ id, kind: 'event', event, ...options });

/** A fork-join: each branch a list of steps. */
export const parallelStep = (
  id: string,
  branches: Record<string, StepInput[]>,
  options: Omit<ParallelStepInput, 'id' | 'kind' | 'branches'> = {},
): ParallelStepInput => ({
  id,
  kind: 'parallel',
  branches: Object.entries(branches).map(([branchId, steps]) => ({ id: branchId, steps })),
  ...options,
});

/** A conditional: `then` when `condition` holds, else `otherwise`. */
export const branchStep = (
  id: string,
  condition: string,
  then: StepInput[],
  otherwise?: StepInput[],
  options: Omit<BranchStepInput, 'id' | 'kind' | 'condition' | 'trueBranch' | 'falseBranch'> = {},
): BranchStepInput => ({
  id,
  kind: 'branch',
  condition,
  trueBranch: then,
  ...(otherwise ? { falseBranch: otherwise } : {}),
  ...options,
});

/** Builds a definition step by step; `build()` gives the data the API stores. */
export class WorkflowBuilder {
  readonly #definition: DefinitionInput;

  constructor(id: string) {
    this.#definition = { id, steps: [] };
  }

  setName(name: string): this {
    this.#definition.name = name;
    return this;
  }

  setDescription(description: string): this {
    this.#definition.description = description;
    return this;
  }

  /** Defaults for every step (`timeoutMs`, `retry`). */
  setDefaults(defaults: NonNullable<DefinitionInput['defaults']>): this {
    this.#definition.defaults = defaults;
    return this;
  }

  /** The run's output, mapped from step outputs (default: the last step's output). */
  setOutput(output: unknown): this {
    this.#definition.output = output;
    return this;
  }

  addTrigger(trigger: NonNullable<DefinitionInput['triggers']>[number]): this {
    (this.#definition.triggers ??= []).push(trigger);
    return this;
  }

  addStep(step: StepInput): this {
    (this.#definition.steps as StepInput[]).push(step);
    return this;
  }

  addParallel(
    id: string,
    branches: Record<string, StepInput[]>,
    options?: Omit<ParallelStepInput, 'id' | 'kind' | 'branches'>,
  ): this {
    return this.addStep(parallelStep(id, branches, options));
  }

  addConditional(id: string, condition: string, then: StepInput[], otherwise?: StepInput[]): this {
    return this.addStep(branchStep(id, condition, then, otherwise));
  }

  addHumanTask(id: string, options: Options<'human'>): this {
    return this.addStep(humanStep(id, options));
  }

  addCompensation(step: LeafStepInput): this {
    (this.#definition.compensations ??= []).push(step);
    return this;
  }

  onCancel(action: 'stop' | 'compensate'): this {
    this.#definition.onCancel = action;
    return this;
  }

  /** The definition as data (a deep copy: the builder can go on). */
  build(): DefinitionInput {
    return structuredClone(this.#definition);
  }
}
