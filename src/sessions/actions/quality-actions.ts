/**
 * Quality gates (seed 001 QUALITY_GATE_CHECK): the checks run on the learner's machine or CI and
 * arrive as report events; these actions ask for them and decide the outcome from the latest ones.
 */
import { latestReports } from '../interpret/activity.ts';
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { recordGateJudgement } from '../adaptive/outcomes.ts';
import { evaluateQualityGates, reportWaitMs, type QualityGateResult } from '../quality-gates.ts';
import { armTimer, clearTimer, reply, send } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

const failed = (result: QualityGateResult) => result.gates.filter((g) => g.status === 'failed');

/** The failed gates as lines for the learner. */
export function describeFailures(result: QualityGateResult): string {
  return failed(result)
    .map((g) => `- ${g.gate}: ${g.reason}`)
    .join('\n');
}

/** Small transition data: the outcome and which gates failed or are pending. */
export function gateData(result: QualityGateResult): Record<string, unknown> {
  return { failed: failed(result).map((g) => g.gate), pending: [...result.pending] };
}

/** The failed gates named by the outcome event's data (see `gateData`). */
const failedGates = (data: Record<string, unknown>): string[] =>
  Array.isArray(data.failed) ? (data.failed as string[]) : [];

export const qualityActions = {
  // The checks run where the code is (the learner's machine or CI) and arrive as report events;
  // determineQualityOutcome says which reports are still missing.
  runQualityGates: ({ draft }) => {
    // A new attempt: only reports from this event on count (not those sent while coding, nor the
    // previous attempt's). Review fixes verified re-enter with the reports they were verified on.
    if (draft.transitions.at(-1)?.event !== 'fixesVerified')
      draft.context.gateAttemptSeq = draft.event.seq;
    send(draft, 'checksComplete');
  },
  analyzeQualityResults: ({ draft }) => {
    send(draft, 'analysisComplete');
  },
  // Judged once every report is in (here, or when the last one arrives: interpret/story-interpreter).
  // Until then the step timer waits for the rest; firing, it sends `majorIssues` and REQUIRE_FIXES
  // names the reports that never came (requireFixes below).
  determineQualityOutcome: async ({ draft, deps, action }) => {
    const result = evaluateQualityGates(await latestReports(draft, deps));
    if (result.event) {
      clearTimer(draft, 'step');
      send(draft, result.event, gateData(result));
      return;
    }
    armTimer(draft, { kind: 'step', afterMs: reportWaitMs, event: 'majorIssues' }, deps.timeScale);
    reply(
      draft,
      action,
      `Quality gates: waiting for the reports of ${result.pending.join(', ')}. Run each check (tests with coverage, eslint, tsc, the build, npm audit) with \`/report <command>\` in the chat, or \`mentorflow report --session ${draft.session.id} -- <command>\`; the gates judge once all of them are in.`,
    );
  },
  autoFixIssues: ({ draft, action }) => {
    recordGateJudgement(draft, false);
    reply(
      draft,
      action,
      'Minor issues only: run `eslint --fix` (and `npm audit fix`), then run every check again and send the new reports (the gates judge the new ones only).',
    );
  },
  requireFixes: async ({ draft, deps, action, data }) => {
    recordGateJudgement(draft, false);
    if (data.timer) {
      // The wait for the missing reports ended: judge what came, a missing report fails its gate.
      const result = evaluateQualityGates(await latestReports(draft, deps), undefined, {
        waitEnded: true,
      });
      reply(
        draft,
        action,
        `The quality gates stopped waiting. These must pass before review:\n${describeFailures(result)}\nFix them, then run every check again and send the new reports (the gates judge the new ones only).`,
      );
      return;
    }
    reply(
      draft,
      action,
      `These gates must pass before review: ${failedGates(data).join(', ') || 'see the reports'}. Fix them, then run every check again and send the new reports (the gates judge the new ones only).`,
    );
  },
  blockProgress: ({ draft, action, data }) => {
    recordGateJudgement(draft, false);
    reply(
      draft,
      action,
      `Blocked: a critical gate failed (${failedGates(data).join(', ') || 'build or security'}). Nothing else moves until it is fixed.`,
    );
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
