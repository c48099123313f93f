/**
 * Code review and completion: the PR, the review's outcome (from review-feedback events), coaching
 * on the comments, merge, completion.
 */
import { reviewCoachingSchema } from '../../domain/contracts/review-coaching.ts';
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { recordGateJudgement } from '../adaptive/outcomes.ts';
import { nextStoryComplexity } from '../adaptive/profile.ts';
import { recentWithCurrent } from '../interpret/activity.ts';
import { callAgent } from '../turn/agent-call.ts';
import { notify, reply } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

const reviewStateOf = {
  approved: 'approved',
  'minor-changes': 'changesRequested',
  'major-changes': 'changesRequested',
  questions: 'commented',
} as const;

export const reviewActions = {
  prepareCodeReview: ({ draft, action }) => {
    // Only `allPass` leads here: the gates passed (the first time, if they had not judged before).
    recordGateJudgement(draft, true);
    reply(
      draft,
      action,
      `Open a pull request for "${draft.story.title}": a title, what changed, how you tested it, and each acceptance criterion ticked. Tell me when it is up, with its link ("the PR is up: <url>").`,
    );
  },
  monitorReview: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Waiting for the review. I will help with the comments when they come in.',
    );
  },
  coachReview: async ({ draft, deps, action }) => {
    const feedback = [...recentWithCurrent(draft, deps)]
      .reverse()
      .find((e) => e.type === 'review-feedback');
    const decision = feedback?.data.decision as keyof typeof reviewStateOf | undefined;
    await callAgent(
      draft,
      deps,
      action,
      'coachReview',
      {
        story: draft.story,
        reviewState: decision ? reviewStateOf[decision] : undefined,
        comments: (feedback?.data.comments as unknown[]) ?? [],
      },
      reviewCoachingSchema,
    );
  },
  verifyReviewFixes: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Send the new test and lint reports (or tell me) once the review fixes are in.',
    );
  },
  planRework: ({ draft, action }) => {
    reply(
      draft,
      action,
      'The reviewer asks for bigger changes. List them, plan them as steps, and start with the first.',
    );
  },
  clarifyFeedback: ({ draft, action }) => {
    reply(
      draft,
      action,
      'The reviewer has questions. Answer each one in the PR (what you did and why); tell me when you have.',
    );
  },
  mergeAndComplete: ({ draft, action }) => {
    reply(draft, action, 'Approved! Merge the pull request, then tell me when it is merged.');
  },
  completeStory: ({ draft, action }) => {
    notify(draft, 'story-complete', draft.session.mentorId ? 'mentor' : 'human', {
      story: draft.story.title,
      tasks: draft.context.plan?.length ?? 0,
    });
    reply(draft, action, `Story "${draft.story.title}" is complete. Well done!`);
    // Seed 001: quick learning → more complexity, slow progress → more support.
    const next = nextStoryComplexity(
      draft.context.adaptive,
      draft.context.outcomes,
      draft.story.complexity,
    );
    reply(draft, action, `For your next story I suggest a ${next.complexity} one: ${next.why}.`);
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
