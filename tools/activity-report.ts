import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { extractActivityReports } from '../src/domain/signals/activity-claims.ts';

export {
  type ActivityReport,
  extractActivityReport,
  extractActivityReports,
} from '../src/domain/signals/activity-claims.ts';

/** The report kinds a learner's message can state: the session's report events, and a finished step. */
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

/** One report read from a message: the event type and its data (figures carry `claimed: true`). */
export const activityReportSchema = z.object({
  type: z.enum(activityReportTypes),
  fields: z.record(z.string(), z.unknown()),
});

/**
 * Mastra tool: what a learner's message reports about their work, as session events. The same
 * reading rules mode uses (src/domain/signals/activity-claims.ts), so an agent with a model and the
 * rules-mode interpreter agree on what "all 12 tests pass" means.
 */
export const activityReportTool = createTool({
  id: 'activity-report',
  description:
    "Read a learner's chat message for reports of their own activity (tests passing or failing with counts, coverage %, lint/type/build/audit results, a commit, a pull request opened, review feedback, a step implemented). Returns each as a session event type with its data, the furthest along first; figures stated without the tool's output are flagged claimed: true. Questions, plans, conditions and negations report nothing.",
  inputSchema: z.object({
    message: z.string().min(1).max(20_000).describe("the learner's message, as written"),
  }),
  outputSchema: z.object({ reports: z.array(activityReportSchema) }),
  execute: async ({ message }) => ({ reports: extractActivityReports(message) }),
});
