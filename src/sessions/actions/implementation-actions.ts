/**
 * Implementation and monitoring: assign tasks, hints and answers, progress coaching, pattern
 * detection and the pattern interventions.
 */
import { hintSchema } from '../../domain/contracts/hint.ts';
import { progressCoachingSchema } from '../../domain/contracts/progress-coaching.ts';
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import {
  recordHelpRequest,
  recordRepeatedError,
  recordTaskFinished,
} from '../adaptive/outcomes.ts';
import { currentTask } from '../context.ts';
import { detectPatterns } from '../detectors/index.ts';
import {
  activityOf,
  lastLearnerMessage,
  recentErrors,
  recentWithCurrent,
} from '../interpret/activity.ts';
import { callAgent } from '../turn/agent-call.ts';
import { reply, send, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import { templatePlan } from './planning-actions.ts';
import type { ActionHandler } from './types.ts';

function startTask(draft: TurnDraft, index: number): string {
  draft.context.plan ??= templatePlan(draft.story, draft.context.scopeReduced);
  draft.context.taskIndex = index;
  draft.context.taskStartedAt = draft.now.toISOString();
  draft.context.hintsGiven = 0;
  return currentTask(draft.context) ?? draft.story.title;
}

const taskLabel = (draft: TurnDraft) =>
  `step ${(draft.context.taskIndex ?? 0) + 1}/${draft.context.plan?.length ?? 1}`;

async function coach(
  draft: TurnDraft,
  deps: TurnDeps,
  action: string,
  mode: 'encourage' | 'investigateStall' | 'redirect',
  pattern = '',
) {
  const plan = draft.context.plan ?? [];
  await callAgent(
    draft,
    deps,
    action,
    'coachProgress',
    {
      story: draft.story,
      mode,
      currentStep: currentTask(draft.context) ?? '',
      completedSteps: draft.context.taskIndex ?? 0,
      totalSteps: plan.length,
      pattern,
    },
    progressCoachingSchema,
  );
}

const patternOf = (data: Record<string, unknown>) =>
  typeof data.subject === 'string' ? ` (${data.subject})` : '';

export const implementationActions = {
  assignTask: ({ draft, action }) => {
    const task = startTask(draft, draft.context.taskIndex ?? 0);
    reply(draft, action, `First task (${taskLabel(draft)}): ${task}`);
  },
  assignNextStep: ({ draft, deps, action }) => {
    recordTaskFinished(draft, deps);
    const next = (draft.context.taskIndex ?? 0) + 1;
    if (next >= (draft.context.plan?.length ?? 0)) {
      reply(draft, action, 'Every step of the plan is done. Time for the quality gates.');
      send(draft, 'allStepsComplete');
      return;
    }
    const task = startTask(draft, next);
    reply(draft, action, `Next (${taskLabel(draft)}): ${task}`);
    send(draft, 'nextStepAssigned', { taskIndex: next });
  },
  resumeImplementation: ({ draft, action }) => {
    reply(
      draft,
      action,
      `Carry on with ${taskLabel(draft)}: ${currentTask(draft.context) ?? draft.story.title}`,
    );
  },
  guideCompletion: ({ draft, action }) => {
    reply(
      draft,
      action,
      `Good progress on "${currentTask(draft.context) ?? draft.story.title}". What is left? Finish that part, then run the tests.`,
    );
  },
  correctApproach: ({ draft, action }) => {
    reply(
      draft,
      action,
      'This approach will make the task harder than it is. Go back to the plan step and take the simplest way that passes the test. Say "ok" when you are ready.',
    );
  },
  provideHint: async ({ draft, deps, action }) => {
    const hintsGiven = draft.context.hintsGiven ?? 0;
    recordHelpRequest(draft);
    const events = recentWithCurrent(draft, deps);
    await callAgent(
      draft,
      deps,
      action,
      'provideHint',
      {
        story: draft.story,
        message: lastLearnerMessage(events),
        currentStep: currentTask(draft.context) ?? '',
        recentErrors: recentErrors(events),
        hintsGiven,
      },
      hintSchema,
    );
    draft.context.hintsGiven = hintsGiven + 1;
  },
  giveAnswer: ({ draft, action }) => {
    const task = currentTask(draft.context) ?? draft.story.title;
    reply(
      draft,
      action,
      `Here is how to do "${task}": write the test for it first, run it to see it fail, then change the one function the test calls until it passes. Tell me when it works or where it breaks.`,
    );
  },
  monitorProgress: ({ draft }) => {
    draft.context.monitorSince = draft.now.toISOString();
  },
  encourageSpeed: ({ draft, deps, action }) => coach(draft, deps, action, 'encourage'),
  investigateStall: ({ draft, deps, action }) => coach(draft, deps, action, 'investigateStall'),
  detectPattern: ({ draft, deps }) => {
    const since = draft.context.monitorSince ?? '';
    const activity = activityOf(draft, recentWithCurrent(draft, deps)).filter(
      (a) => (a as { at: string }).at >= since,
    );
    const [found] = detectPatterns(activity);
    if (found) recordRepeatedError(draft);
    if (found)
      send(draft, found.event, {
        pattern: found.pattern,
        subject: found.subject,
        count: found.count,
      });
    else send(draft, 'patternIdentified', { pattern: 'circularActivity' });
  },
  coachTestStrategy: ({ draft, action, data }) => {
    reply(
      draft,
      action,
      `The same test keeps failing${patternOf(data)}. Stop changing code for a moment: what exactly does the test check, and can you run it alone? Say "ok" when you have a new angle.`,
    );
  },
  fixBuildFoundation: ({ draft, action, data }) => {
    reply(
      draft,
      action,
      `The same build error keeps coming back${patternOf(data)}. Fix the foundation first: config, dependencies and types, before more feature code.`,
    );
  },
  rethinkApproach: ({ draft, action }) => {
    reply(
      draft,
      action,
      'You are making and undoing the same change. Step back: write down why it fails, then choose a different approach.',
    );
  },
  breakAnalysisParalysis: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Enough reading for now. Pick the smallest concrete step and write code for it in the next ten minutes.',
    );
  },
  strategicRedirect: async ({ draft, deps, action, data }) => {
    await coach(
      draft,
      deps,
      action,
      'redirect',
      typeof data.pattern === 'string' ? data.pattern : '',
    );
    send(draft, 'redirectComplete');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
