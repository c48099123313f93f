/**
 * Plain-language activity reports for the session: the rules reading lives in the domain layer
 * (src/domain/signals/activity-claims.ts) so the activity reader's rules answer (agents/actions.ts
 * `readActivity`), the Mastra tool (tools/activity-report.ts) and the session read messages the
 * same way; this module is the sessions' entry to it.
 */
export {
  type ActivityReport,
  claimTypes,
  extractActivityReport,
  extractActivityReports,
  notAReport,
  orderReports,
  statedFields,
} from '../../domain/signals/activity-claims.ts';
