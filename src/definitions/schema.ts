import { z } from 'zod';

/*
 * A user-defined workflow, as data (JSON or YAML): declared once here, used by the API, the builder,
 * the validator and the compiler. Structural rules are zod's; rules across steps (unknown or cyclic
 * references, unreachable steps, expressions) are `validate.ts`'s.
 */

/** Seed 004's four error classes; `retryOn` and the analytics speak them. */
export const errorClasses = ['transient', 'permanent', 'business', 'system'] as const;
export type ErrorClass = (typeof errorClasses)[number];

export const stepIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a step id: lower-case letters, digits, - or _');
export const definitionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'expected a definition id: lower-case letters, digits and -');

const ms = (max: number) => z.number().int().min(1).max(max);
const expression = z.string().min(1).max(2000);
/** Any JSON value; strings may hold `{{ expression }}` templates. */
const mapping = z.unknown();

export const retrySchema = z.strictObject({
  /** Attempts in all, the first included. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
  backoff: z.enum(['fixed', 'exponential']).default('exponential'),
  delayMs: ms(3_600_000).default(200),
  maxDelayMs: ms(86_400_000).default(30_000),
  /** Randomise each delay by up to this fraction (0.2 = ±20 %), so retries of many runs spread out. */
  jitter: z.number().min(0).max(1).default(0.2),
  retryOn: z.array(z.enum(errorClasses)).default(['transient', 'system']),
});
export type RetryPolicy = z.output<typeof retrySchema>;

export const onErrorSchema = z.strictObject({
  /**
   * fail: the run fails. retry: retry (with `maxRetries`/`backoff`, or the step's retry policy) then
   * fail. compensate: run the compensations of every completed step in reverse order, then fail.
   * skip: mark the step skipped and go on. escalate: open a human task; the run waits for the answer.
   */
  strategy: z.enum(['fail', 'retry', 'compensate', 'skip', 'escalate']),
  /** compensate: a compensation (from `compensations`) for this step's own partial effect, run first. */
  compensate: stepIdSchema.optional(),
  /** retry: shorthand for `retry.maxAttempts - 1`. */
  maxRetries: z.number().int().min(0).max(19).optional(),
  backoff: z.enum(['fixed', 'exponential']).optional(),
  /** escalate: who answers the task. */
  escalateTo: z.string().min(1).max(200).optional(),
});
export type OnError = z.output<typeof onErrorSchema>;

const common = {
  id: stepIdSchema,
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  /** Steps that must finish first; default: the step before it in its list. `[]` = none. */
  dependsOn: z.array(stepIdSchema).max(50).optional(),
  /** Run only when this condition holds; otherwise the step is skipped. */
  when: expression.optional(),
  timeoutMs: ms(30 * 86_400_000).optional(),
  retry: retrySchema.optional(),
  onError: onErrorSchema.optional(),
  /** The compensation (an id in `compensations`) that undoes this step once it has completed. */
  compensation: stepIdSchema.optional(),
};

export const agentStepSchema = z.strictObject({
  ...common,
  kind: z.literal('agent'),
  /** A registered agent, by id (`planner`) or registry key (`plannerAgent`). */
  agent: z.string().min(1),
  prompt: z.string().min(1).max(20_000),
  /** JSON Schema of a structured answer; without it the step's output is `{ text }`. */
  output: z.record(z.string(), z.unknown()).optional(),
});

export const toolStepSchema = z.strictObject({
  ...common,
  kind: z.literal('tool'),
  tool: z.string().min(1),
  input: mapping.optional(),
});

export const httpStepSchema = z.strictObject({
  ...common,
  kind: z.literal('http'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  /** A template: `{{ secrets.CLICKUP_URL }}/api/v2/list/{{ input.listId }}/task`. */
  url: z.string().min(1).max(4000),
  /** Header templates; `{{ secrets.NAME }}` reads WORKFLOW_SECRET_NAME, never stored with results. */
  headers: z.record(z.string(), z.string()).optional(),
  body: mapping.optional(),
  /** Accepted statuses; default any 2xx. */
  expectStatus: z.array(z.number().int().min(100).max(599)).min(1).optional(),
});

export const setStepSchema = z.strictObject({
  ...common,
  kind: z.literal('set'),
  /** The step's output, computed from earlier outputs. */
  output: mapping,
});

export const subWorkflowStepSchema = z.strictObject({
  ...common,
  kind: z.literal('workflow'),
  /** Another stored definition (its active version when this one is compiled). */
  workflow: definitionIdSchema,
  input: mapping.optional(),
});

export const humanStepSchema = z.strictObject({
  ...common,
  kind: z.literal('human'),
  title: z.string().max(500).optional(),
  assignee: z.string().min(1).max(200),
  /** Shown to the assignee; a template. */
  details: mapping.optional(),
  /** Reassign the task when it is still open after `afterMs`. */
  escalation: z
    .strictObject({ afterMs: ms(30 * 86_400_000), escalateTo: z.string().min(1) })
    .optional(),
});

export const eventStepSchema = z.strictObject({
  ...common,
  kind: z.literal('event'),
  /** Event name, e.g. `clickup.task-status`. */
  event: z.string().min(1).max(200),
  /** Condition over `event` (the payload) and the run context: the first event it accepts resumes. */
  match: expression.optional(),
});

type Common = {
  id: string;
  name?: string;
  description?: string;
  dependsOn?: string[];
  when?: string;
  timeoutMs?: number;
  retry?: z.input<typeof retrySchema>;
  onError?: z.input<typeof onErrorSchema>;
  compensation?: string;
};
export type ParallelStepInput = Common & {
  kind: 'parallel';
  branches: { id: string; steps: StepInput[] }[];
  join?: 'all' | 'any' | { atLeast: number };
  onBranchError?: 'fail' | 'ignore';
};
export type BranchStepInput = Common & {
  kind: 'branch';
  condition: string;
  trueBranch: StepInput[];
  falseBranch?: StepInput[];
};
export type LeafStepInput =
  | z.input<typeof agentStepSchema>
  | z.input<typeof toolStepSchema>
  | z.input<typeof httpStepSchema>
  | z.input<typeof setStepSchema>
  | z.input<typeof subWorkflowStepSchema>
  | z.input<typeof humanStepSchema>
  | z.input<typeof eventStepSchema>;
export type StepInput = LeafStepInput | ParallelStepInput | BranchStepInput;

const stepList = (): z.ZodType<Step[], StepInput[]> =>
  z
    .array(z.lazy((): z.ZodType<Step, StepInput> => stepSchema))
    .min(1)
    .max(200) as never;

type CommonOutput = Omit<Common, 'retry' | 'onError'> & { retry?: RetryPolicy; onError?: OnError };
export type ParallelStep = CommonOutput & {
  kind: 'parallel';
  branches: { id: string; steps: Step[] }[];
  join: 'all' | 'any' | { atLeast: number };
  onBranchError: 'fail' | 'ignore';
};
export type BranchStep = CommonOutput & {
  kind: 'branch';
  condition: string;
  trueBranch: Step[];
  falseBranch?: Step[];
};

export const parallelStepSchema = z.strictObject({
  ...common,
  kind: z.literal('parallel'),
  branches: z
    .array(z.strictObject({ id: stepIdSchema, steps: z.lazy(stepList) }))
    .min(2)
    .max(20),
  /** all: every branch; any: the first to finish (the others are cancelled); atLeast: N of M. */
  join: z
    .union([z.enum(['all', 'any']), z.strictObject({ atLeast: z.number().int().min(1) })])
    .default('all'),
  /** fail: a failed branch fails the fork (once the join can no longer be met); ignore: it does not count. */
  onBranchError: z.enum(['fail', 'ignore']).default('fail'),
});

export const branchStepSchema = z.strictObject({
  ...common,
  kind: z.literal('branch'),
  /** Seed 004's conditional branch: `trueBranch` when `condition` holds, else `falseBranch`. */
  condition: expression,
  trueBranch: z.lazy(stepList),
  falseBranch: z.lazy(stepList).optional(),
});

export const leafStepSchema = z.discriminatedUnion('kind', [
  agentStepSchema,
  toolStepSchema,
  httpStepSchema,
  setStepSchema,
  subWorkflowStepSchema,
  humanStepSchema,
  eventStepSchema,
]);
export type LeafStep = z.output<typeof leafStepSchema>;
export type Step = LeafStep | ParallelStep | BranchStep;

export const stepSchema: z.ZodType<Step, StepInput> = z.discriminatedUnion('kind', [
  agentStepSchema,
  toolStepSchema,
  httpStepSchema,
  setStepSchema,
  subWorkflowStepSchema,
  humanStepSchema,
  eventStepSchema,
  parallelStepSchema,
  branchStepSchema,
]) as never;

/** System events a definition can be triggered by (besides names of its own choosing). */
export const systemEvents = ['session.escalated', 'workflow-run.failed'] as const;

export const triggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('api') }),
  /** A signed delivery to `POST /api/workflow-definitions/:id/webhook`, started when `condition` holds. */
  z.strictObject({ type: z.literal('webhook'), condition: expression.optional() }),
  z.strictObject({
    type: z.literal('cron'),
    /** Five fields: minute hour day-of-month month day-of-week (UTC). */
    cron: z.string().min(9).max(200),
    input: z.record(z.string(), z.unknown()).optional(),
  }),
  /**
   * An event (`POST /api/workflow-events`, or a system event) starts a run when `condition` holds.
   * The run's input is the payload's fields with the whole payload as `event` (`input.ticket.id` and
   * `input.event.ticket.id` read the same), so one definition can have webhook and event triggers.
   */
  z.strictObject({
    type: z.literal('event'),
    event: z.string().min(1).max(200),
    condition: expression.optional(),
  }),
]);
export type Trigger = z.output<typeof triggerSchema>;

export const definitionSchema = z.strictObject({
  id: definitionIdSchema,
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
  /** Defaults for every step. */
  defaults: z
    .strictObject({ timeoutMs: ms(30 * 86_400_000).optional(), retry: retrySchema.optional() })
    .optional(),
  triggers: z
    .array(triggerSchema)
    .max(20)
    .default([{ type: 'api' }]),
  steps: z.lazy(stepList),
  /** Steps that run only to undo completed ones (named by `compensation` / `onError.compensate`). */
  compensations: z.array(leafStepSchema).max(100).default([]),
  /** On cancel: `compensate` undoes completed steps, `stop` only stops. */
  onCancel: z.enum(['stop', 'compensate']).default('stop'),
  /** The run's output, mapped from step outputs; default: the last step's output. */
  output: mapping.optional(),
});

export type Definition = z.output<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
