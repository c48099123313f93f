/**
 * How a plain-language activity report (activity-claims.ts) is read in the session: as the event
 * the structured report would be, except where a quality gate judges it. A gate needs the tool's own
 * output, so a figure the learner only states is recorded as a claim and the mentor asks for the
 * report instead of passing (or failing) the gate on the learner's word.
 */
import { rulesTag } from '../../models/rules/text.ts';
import type { TurnDraft } from '../turn/draft.ts';
import type { StoredEvent } from '../types.ts';
import { claimTypes, statedFields, type ActivityReport } from './activity-claims.ts';

/** States that judge the quality gates on the latest reports. */
const gateStates = new Set(['AUTO_FIX_ISSUES', 'REQUIRE_FIXES', 'BLOCK_PROGRESS', 'VERIFY_FIXES']);

/** The command that produces each report, for the learner to run. */
const commandFor: Readonly<Record<string, string>> = {
  'test-run': 'npx vitest run',
  coverage: 'npx vitest run --coverage',
  lint: 'npx eslint .',
  typecheck: 'npx tsc --noEmit',
  build: 'npm run build',
  'security-scan': 'npm audit',
};

/** What each report is called in a sentence. */
const nameOf: Readonly<Record<string, string>> = {
  'test-run': 'test run',
  coverage: 'coverage report',
  lint: 'lint report',
  typecheck: 'type check',
  build: 'build output',
  'security-scan': 'security scan',
};

/** Whether the session is where the quality gates judge reports. */
export function judgesGates(draft: TurnDraft): boolean {
  return (
    draft.path.includes('QUALITY_GATE_CHECK') ||
    gateStates.has(draft.path[draft.path.length - 1] ?? '')
  );
}

/**
 * The reply asking for the real reports, when the message states figures a quality gate is about to
 * judge; undefined when the claims can be read as the events (outside the gates, or no gate's
 * report). `asked` are the reports the reply stands for: the gate does not read them.
 */
export function askForReports(
  draft: TurnDraft,
  reports: readonly ActivityReport[],
): { text: string; asked: ActivityReport[] } | undefined {
  if (!judgesGates(draft)) return undefined;
  const asked = reports.filter((r) => claimTypes.has(r.type) && r.type in commandFor);
  if (!asked.length) return undefined;
  const names = asked.map((r) => nameOf[r.type]!);
  const named =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const runs = asked
    .map((r) => `\`mentorflow report --session ${draft.session.id} -- ${commandFor[r.type]}\``)
    .join(', ');
  const itself = asked.length === 1 ? 'itself' : 'themselves';
  return {
    asked,
    text: `${rulesTag} Thanks, I noted that as your report, but the quality gate needs the ${named} ${itself}, not a summary. Run ${runs} (or your project's own command), and I will check the gate as soon as the output arrives.`,
  };
}

/**
 * The learner's message read as the report it states: same id and time, the report's type and the
 * fields it states (figures marked `claimed: true`: the learner's word, not the tool's output), and
 * the message text as `said`.
 */
export function asReportEvent(draft: TurnDraft, report: ActivityReport): StoredEvent {
  return {
    ...draft.event,
    type: report.type,
    data: {
      ...statedFields(report),
      ...(claimTypes.has(report.type) ? { claimed: true } : {}),
      said: String(draft.event.data.text ?? '').slice(0, 500),
    },
  };
}
