/**
 * Quality gates (seed 001 QUALITY_GATE_CHECK): the checks run on the learner's machine or CI and
 * arrive as report events; these actions ask for them and decide the outcome from the latest ones.
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { latestReports } from '../interpret/activity.ts';
import { evaluateQualityGates, type QualityGateResult } from '../quality-gates.ts';
import { reply, send } from '../turn/draft.ts';
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
    send(draft, 'checksComplete');
  },
  analyzeQualityResults: ({ draft }) => {
    send(draft, 'analysisComplete');
  },
  determineQualityOutcome: async ({ draft, deps, action }) => {
    const result = evaluateQualityGates(await latestReports(draft, deps));
    if (result.event) send(draft, result.event, gateData(result));
    else
      reply(
        draft,
        action,
        `Quality gates: send the reports of ${result.pending.join(', ')} (tests with coverage, lint, tsc, build, npm audit).`,
      );
  },
  autoFixIssues: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Minor issues only: run `eslint --fix` (and `npm audit fix`), then send the new reports.',
    );
  },
  requireFixes: ({ draft, action, data }) => {
    reply(
      draft,
      action,
      `These gates must pass before review: ${failedGates(data).join(', ') || 'see the reports'}. Fix them and send new reports.`,
    );
  },
  blockProgress: ({ draft, action, data }) => {
    reply(
      draft,
      action,
      `Blocked: a critical gate failed (${failedGates(data).join(', ') || 'build or security'}). Nothing else moves until it is fixed.`,
    );
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
