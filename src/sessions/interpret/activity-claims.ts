/**
 * Plain-language activity reports for the session: the extractor lives in the domain layer
 * (src/domain/signals/activity-claims.ts) so the Mastra tool (tools/activity-report.ts) and the
 * rules-mode interpreter read messages the same way; this module is the sessions' entry to it.
 */
export {
  type ActivityReport,
  extractActivityReport,
  extractActivityReports,
  notAReport,
} from '../../domain/signals/activity-claims.ts';
