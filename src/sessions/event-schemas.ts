/**
 * What a session accepts as events: the envelope, and the data of each domain event. Machine
 * events (any event name of the session's machine, e.g. `storyLoaded`, `SUBMIT_PROGRESS`) carry
 * free-form data that the machine's guards read.
 */
import { z } from 'zod';
import { timerKinds } from './timers/timer-kinds.ts';
import { activityReviewDecisions } from '../domain/contracts/activity-report.ts';

/** The envelope every caller sends: `id` (optional, the idempotency key), `type`, `data`. */
export const eventInputSchema = z.object({
  /** Client event id: a repeated id returns the stored outcome instead of applying the event again. */
  id: z
    .string()
    .trim()
    .min(1, 'expected a non-empty id')
    .max(200, 'expected at most 200 characters')
    .optional(),
  type: z
    .string()
    .trim()
    .min(1, 'expected an event type')
    .max(100, 'expected at most 100 characters'),
  data: z.record(z.string(), z.unknown(), { error: 'expected an object' }).default({}),
});
export type EventInput = z.input<typeof eventInputSchema>;

const text = z
  .string()
  .trim()
  .min(1, 'expected non-empty text')
  .max(20_000, 'expected at most 20000 characters');
const shortText = z.string().trim().max(2_000, 'expected at most 2000 characters');
const taskId = z.string().trim().min(1).max(200).optional();
const count = z.number().int('expected an integer').min(0, 'expected a count ≥ 0');
const pct = z.number().min(0, 'expected a percentage').max(100, 'expected a percentage');
/** A raw report: the tool's output as text, or its parsed JSON. */
const report = z.union([
  z.string().min(1, 'expected report text').max(5_000_000, 'report too large'),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown()),
]);

const needs = (field: string) => ({ message: `expected ${field} or report`, path: [field] });

/** What a code host says of a review (declared once, in the activity-report contract). */
export const reviewDecisions = activityReviewDecisions;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Data schemas of the domain events, keyed by type. */
export const domainEventSchemas = {
  /** A chat message from the learner; the current state's classifier reads it. */
  'learner-message': z.object({ text, taskId }),
  /** The learner pressed "help" (or a tool asked for help). */
  'help-request': z.object({ topic: shortText.optional(), text: text.optional(), taskId }),
  /** The learner read documentation or searched (research-loop detection). */
  research: z.object({ query: shortText.optional(), url: shortText.optional(), taskId }),
  /** A test run: a JUnit XML / jest-vitest JSON report, or its figures. */
  'test-run': z
    .object({
      report: report.optional(),
      failed: count.optional(),
      passed: count.optional(),
      skipped: count.optional(),
      total: count.optional(),
      failures: z
        .array(
          z.object({
            name: z.string().min(1),
            file: z.string().optional(),
            message: z.string().optional(),
          }),
        )
        .max(1000)
        .optional(),
      taskId,
    })
    .refine((d) => d.report !== undefined || d.failed !== undefined, needs('failed')),
  /** A build: its output text (+ exit code), or whether it succeeded. */
  build: z
    .object({
      report: z.string().max(5_000_000).optional(),
      exitCode: z.number().int().optional(),
      success: z.boolean().optional(),
      errors: z.array(z.string()).max(1000).optional(),
      taskId,
    })
    .refine((d) => d.report !== undefined || d.success !== undefined, needs('success')),
  /** ESLint JSON output, or its counts. */
  lint: z
    .object({
      report: report.optional(),
      errorCount: count.optional(),
      warningCount: count.optional(),
      fixableErrorCount: count.optional(),
      taskId,
    })
    .refine((d) => d.report !== undefined || d.errorCount !== undefined, needs('errorCount')),
  /** `tsc --noEmit` output, or its error count. */
  typecheck: z
    .object({ report: z.string().max(5_000_000).optional(), errorCount: count.optional(), taskId })
    .refine((d) => d.report !== undefined || d.errorCount !== undefined, needs('errorCount')),
  /** istanbul json-summary, or the line coverage. */
  coverage: z
    .object({
      report: report.optional(),
      lines: pct.optional(),
      statements: pct.optional(),
      functions: pct.optional(),
      branches: pct.optional(),
      taskId,
    })
    .refine((d) => d.report !== undefined || d.lines !== undefined, needs('lines')),
  /** `npm audit --json`, or its counts by severity. */
  'security-scan': z
    .object({
      report: report.optional(),
      counts: z
        .object({
          info: count.default(0),
          low: count.default(0),
          moderate: count.default(0),
          high: count.default(0),
          critical: count.default(0),
        })
        .optional(),
      taskId,
    })
    .refine((d) => d.report !== undefined || d.counts !== undefined, needs('counts')),
  /** A commit (or observed code change). */
  commit: z.object({
    sha: shortText.optional(),
    message: shortText.optional(),
    diffHash: shortText.optional(),
    treeHash: shortText.optional(),
    files: z.array(z.string().max(1000)).max(1000).optional(),
    taskId,
  }),
  /** Code review news from the code host. */
  'review-feedback': z.object({
    decision: z.enum(reviewDecisions, { error: `expected one of ${reviewDecisions.join(', ')}` }),
    comments: z
      .array(
        z.object({
          author: z.string().default(''),
          body: z.string().min(1),
          path: z.string().default(''),
          line: z.number().int().optional(),
        }),
      )
      .max(200)
      .optional(),
    prUrl: shortText.optional(),
  }),
  /** A human mentor's reply into the session (the escalations inbox); shown to the learner as is. */
  'mentor-message': z.object({
    text,
    by: z.string().trim().min(1, 'expected who wrote it').max(200),
    escalationId: z.number().int().positive().optional(),
  }),
  /** Operator commands. */
  pause: z.object({ reason: shortText.optional() }),
  resume: z.object({}),
  cancel: z.object({ reason: shortText.optional() }),
  /** A durable timer fired (`kind` + `token`); without them, the story machine's own `timeout` event. */
  timeout: z.object({ kind: z.enum(timerKinds).optional(), token: z.string().max(200).optional() }),
} as const;

export type DomainEventType = keyof typeof domainEventSchemas;
export const domainEventTypes = Object.keys(domainEventSchemas) as DomainEventType[];

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.hasOwn(domainEventSchemas, type);
}

/** Report events: parsed into the parser's summary when they arrive. */
export const reportEventTypes = [
  'test-run',
  'build',
  'lint',
  'typecheck',
  'coverage',
  'security-scan',
] as const satisfies readonly DomainEventType[];
export type ReportEventType = (typeof reportEventTypes)[number];

export function isReportEventType(type: string): type is ReportEventType {
  return (reportEventTypes as readonly string[]).includes(type);
}

/** The event a new session processes first (runs the initial state's entry actions); never sent by clients. */
export const SESSION_STARTED = 'session-started';
