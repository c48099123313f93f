/**
 * What a learner's message reports about their work, as the list of report events
 * (src/domain/contracts/activity-report.ts). With a model configured, the activity reader agent
 * (agents/activity-reader.ts, action `readActivity`) reads the message as structured output; when
 * that model fails or answers outside the schema, the agent call's fallback answers with the rules
 * reading (src/domain/signals/activity-claims.ts) and the turn records the fallback. In rules mode
 * the rules reading is taken here, as before: no agent call per message.
 */
import { activityReportsSchema } from '../../domain/contracts/activity-report.ts';
import { callAgent } from '../turn/agent-call.ts';
import { leaf, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import { extractActivityReports, orderReports, type ActivityReport } from './activity-claims.ts';

/** The reports `text` states, one per type, the furthest along first. */
export async function readActivityReports(
  draft: TurnDraft,
  deps: TurnDeps,
  text: string,
): Promise<ActivityReport[]> {
  if (deps.agents.modeOf?.('readActivity') === 'rules')
    return extractActivityReports(text, { state: leaf(draft) });
  // Nothing of the reading goes to the learner: no live reply to open, no solution to guard.
  const quiet: TurnDeps = { ...deps, replyStreams: undefined, referenceSolution: undefined };
  const out = await callAgent(
    draft,
    quiet,
    'readActivity',
    'readActivity',
    { message: text.slice(0, 20_000), state: leaf(draft) },
    activityReportsSchema,
  );
  return orderReports(out.reports);
}
