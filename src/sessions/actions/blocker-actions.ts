/**
 * Blockers (DIAGNOSE_BLOCKER and what follows): diagnose with the blocker-diagnosis agent, categorise,
 * fix, verify (by asking, or automatically from the latest reports), escalate.
 */
import {
  type BlockerDiagnosis,
  type BlockerDiagnosisInput,
  blockerDiagnosisSchema,
} from '../../domain/contracts/blocker-diagnosis.ts';
import { conceptExplanationSchema } from '../../domain/contracts/concept-explanation.ts';
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { currentTask } from '../context.ts';
import {
  lastLearnerMessage,
  latestReports,
  recentErrors,
  recentWithCurrent,
} from '../interpret/activity.ts';
import { callAgent } from '../turn/agent-call.ts';
import { reply, send, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

/** What the blocker-diagnosis agent is asked: the message, recent errors and activity, time stuck. */
export function diagnosisInput(draft: TurnDraft, deps: TurnDeps): BlockerDiagnosisInput {
  const events = recentWithCurrent(draft, deps);
  const started = draft.context.taskStartedAt
    ? Date.parse(draft.context.taskStartedAt)
    : Date.parse(draft.session.enteredAt);
  return {
    story: draft.story,
    message: lastLearnerMessage(events),
    recentErrors: recentErrors(events),
    activity: events.slice(-10).map((e) => ({
      type: e.type,
      summary: JSON.stringify(e.data).slice(0, 200),
      at: e.receivedAt,
    })),
    minutesStuck: Math.max(0, Math.round((draft.now.getTime() - started) / 60_000)),
  };
}

/** Keeps the diagnosis in the session context: CATEGORIZE_ISSUE and the fix states read it. */
export function applyDiagnosis(draft: TurnDraft, diagnosis: BlockerDiagnosis): void {
  const diagnosed = diagnosis.category !== 'unknownIssue';
  draft.context.undiagnosed = diagnosed ? 0 : (draft.context.undiagnosed ?? 0) + 1;
  draft.context.diagnosis = {
    category: diagnosis.category,
    diagnosed,
    summary: diagnosis.summary,
    at: draft.now.toISOString(),
  };
}

export const blockerActions = {
  // In a turn run by the mentor-turn workflow, the diagnose-blocker workflow does this (nested).
  diagnoseBlocker: async ({ draft, deps, action }) => {
    const input = diagnosisInput(draft, deps) as Record<string, unknown>;
    applyDiagnosis(
      draft,
      await callAgent(draft, deps, action, 'diagnoseBlocker', input, blockerDiagnosisSchema),
    );
  },
  analyzeState: ({ draft }) => {
    send(draft, 'stateAnalyzed');
  },
  categorizeIssue: ({ draft }) => {
    send(draft, draft.context.diagnosis?.category ?? 'unknownIssue', {
      summary: draft.context.diagnosis?.summary ?? '',
    });
  },
  provideSolution: ({ draft, action }) => {
    reply(
      draft,
      action,
      `Try this: ${draft.context.diagnosis?.summary ?? 'apply the change we discussed'}, then carry on with the task.`,
    );
    send(draft, 'solutionProvided');
  },
  fixTechnicalIssue: ({ draft, action }) => {
    reply(
      draft,
      action,
      `The fix: ${draft.context.diagnosis?.summary || 'read the first error, fix that line, re-run'}. Apply it and tell me whether it works.`,
    );
    send(draft, 'fixProvided');
  },
  explainConcept: async ({ draft, deps, action }) => {
    const events = recentWithCurrent(draft, deps);
    const concept =
      draft.story.concepts[0] ??
      (lastLearnerMessage(events) || currentTask(draft.context) || draft.story.title);
    await callAgent(
      draft,
      deps,
      action,
      'explainConcept',
      { story: draft.story, concept, context: currentTask(draft.context) ?? '' },
      conceptExplanationSchema,
    );
  },
  fixEnvironment: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Let us fix the environment: check the Node version, reinstall dependencies (npm ci) and read the first error. Tell me when it runs, or if it is still broken.',
    );
  },
  breakDownTask: ({ draft, action }) => {
    const task = currentTask(draft.context) ?? draft.story.title;
    const steps = [
      `Write one failing test for: ${task}`,
      `Make that one test pass`,
      `Clean up and re-run all tests`,
    ];
    const plan = [...(draft.context.plan ?? [])];
    plan.splice(draft.context.taskIndex ?? 0, plan.length ? 1 : 0, ...steps);
    draft.context.plan = plan;
    reply(draft, action, `Smaller steps:\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
    send(draft, 'taskBrokenDown');
  },
  requestClarification: ({ draft, action }) => {
    reply(
      draft,
      action,
      'I cannot tell what is blocking you yet. What did you try, what did you expect, and what happened instead?',
    );
  },
  verifyFix: ({ draft, action }) => {
    reply(draft, action, 'Did the fix work? Run the tests and tell me (or send the test report).');
  },
  refineFix: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Part of it works. Adjust the fix for what still fails, then check again.',
    );
    send(draft, 'fixProvided');
  },
  proposeAlternative: ({ draft, action }) => {
    reply(
      draft,
      action,
      'That fix did not work. Another way: undo it, isolate the failing case in a small test, and fix only that.',
    );
    send(draft, 'fixProvided');
  },
  autoVerify: async ({ draft, deps }) => {
    // No answer from the learner: decide from the latest reports. A broken build is "still failing";
    // failing tests are issues that remain; nothing reported yet counts as remaining issues too.
    const { tests, build } = await latestReports(draft, deps);
    if (build && !build.success) send(draft, 'stillFailing');
    else if (tests && tests.failed === 0 && tests.total > 0) send(draft, 'allChecksPass');
    else send(draft, 'someIssuesRemain');
  },
  provideAdditionalFixes: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Some issues remain: fix the first remaining failure the same way, then check again.',
    );
    send(draft, 'fixProvided');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
