import { z } from 'zod';
import { agentContextSchema } from './learner.ts';

/**
 * What a learner's chat message reports about their work, as session events: declared once for
 * the activity reader's structured output (agents/activity-reader.ts), the activity-report tool
 * (tools/activity-report.ts) and the rules reading (src/domain/signals/activity-claims.ts). Every
 * field is required, `null` where the message does not say it (OpenAI's strict structured outputs
 * take no optional field); the session drops the nulls when it makes the event.
 */

/** The report kinds a message can state: the session's report events, and a finished step. */
export const activityReportTypes = [
  'test-run',
  'coverage',
  'lint',
  'typecheck',
  'build',
  'security-scan',
  'commit',
  'review-feedback',
  'task-done',
] as const;
export type ActivityReportType = (typeof activityReportTypes)[number];

/** Review news, as the code host would send it (`review-feedback` events). */
export const activityReviewDecisions = [
  'submitted',
  'approved',
  'minor-changes',
  'major-changes',
  'questions',
  'merged',
] as const;

const count = z.number().int().min(0);
const pct = z.number().min(0).max(100);
const report = <T extends ActivityReportType, F extends z.ZodRawShape>(type: T, fields: F) =>
  z.object({ type: z.literal(type), fields: z.object(fields) });

/** One report read from a message: the event type and its data. */
export const activityReportSchema = z.union([
  report('test-run', {
    failed: count.describe('failing tests; 0 when all pass'),
    passed: count.nullable(),
    total: count.nullable(),
  }),
  report('coverage', {
    lines: pct.describe('line coverage %, or the only figure given'),
    branches: pct.nullable(),
    functions: pct.nullable(),
    statements: pct.nullable(),
  }),
  report('lint', { errorCount: count }),
  report('typecheck', { errorCount: count }),
  report('build', { success: z.boolean() }),
  report('security-scan', {
    counts: z.object({ info: count, low: count, moderate: count, high: count, critical: count }),
  }),
  report('commit', {
    sha: z.string().max(40).nullable(),
    message: z.string().max(200).nullable(),
  }),
  report('review-feedback', {
    decision: z.enum(activityReviewDecisions),
    prUrl: z.string().max(300).nullable().describe('the pull request link, when given'),
  }),
  report('task-done', {
    subject: z.string().max(200).describe('what was finished, in the learner’s words; "" for "it"'),
  }),
]);
export type ActivityReport = z.infer<typeof activityReportSchema>;

/** What a message reports: every report, one per type. */
export const activityReportsSchema = z.object({ reports: z.array(activityReportSchema) });
export type ActivityReports = z.infer<typeof activityReportsSchema>;

/** The activity reader's input: the message and the state the session is in. */
export const activityReadingInputSchema = agentContextSchema.extend({
  message: z.string().min(1).max(20_000),
  /** The story machine's current state (e.g. MONITOR_REVIEW: "merged" is the pull request). */
  state: z.string().max(100).default(''),
});
export type ActivityReadingInput = z.input<typeof activityReadingInputSchema>;
