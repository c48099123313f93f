import { createTool } from '@mastra/core/tools';
import { z } from 'zod';
import { activityReportsSchema } from '../src/domain/contracts/activity-report.ts';
import { extractActivityReports } from '../src/domain/signals/activity-claims.ts';

export {
  type ActivityReport,
  activityReportSchema,
  activityReportsSchema,
  activityReportTypes,
} from '../src/domain/contracts/activity-report.ts';
export {
  extractActivityReport,
  extractActivityReports,
} from '../src/domain/signals/activity-claims.ts';

/**
 * Mastra tool: what a learner's message reports about their work, as session events, read by the
 * rules (src/domain/signals/activity-claims.ts). Its output is the activity reader's structured
 * output schema (src/domain/contracts/activity-report.ts), so an agent calling it and the session
 * agree on what "all 12 tests pass" means.
 */
export const activityReportTool = createTool({
  id: 'activity-report',
  description:
    "Read a learner's chat message for reports of their own activity (tests passing or failing with counts, coverage %, lint/type/build/audit results, a commit, a pull request opened, review feedback, a step implemented). Returns each as a session event type with its data (null where the message does not say), the furthest along first; every figure is the learner's word, not the tool's output. Questions, plans, conditions and negations report nothing.",
  inputSchema: z.object({
    message: z.string().min(1).max(20_000).describe("the learner's message, as written"),
    state: z
      .string()
      .max(100)
      .optional()
      .describe('the session state, e.g. MONITOR_REVIEW, where "merged" alone is the pull request'),
  }),
  outputSchema: activityReportsSchema,
  execute: async ({ message, state }) => ({
    reports: extractActivityReports(message, state ? { state } : {}),
  }),
});
