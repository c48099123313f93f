/**
 * Understanding the story (seed 001's first states): load it, ask for a restatement, clarify,
 * explain again, reduce the scope.
 */
import { z } from 'zod';
import { conceptExplanationSchema } from '../../domain/contracts/concept-explanation.ts';
import { storySchema } from '../../../tools/story-loader.ts';
import { parseOrThrow } from '../../errors/zod-error.ts';
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { callAgent } from '../turn/agent-call.ts';
import { reply, send } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

export const understandingActions = {
  loadStory: ({ draft, action, data }) => {
    // `newStoryAssigned` may carry the next story: it replaces the learner view and the plan.
    if (data.story !== undefined) {
      const next = parseOrThrow(
        storySchema.extend({ id: z.string().min(1).optional() }),
        data.story,
        'data.story',
      );
      draft.story = { ...next, id: next.id ?? `${draft.session.id}:${draft.event.seq}` };
      draft.storyChanged = true;
      draft.context = { timers: draft.context.timers };
    }
    const { title, acceptanceCriteria, complexity } = draft.story;
    reply(
      draft,
      action,
      `Your story: "${title}" (${complexity}), with ${acceptanceCriteria.length} acceptance criteria.`,
    );
    send(draft, 'storyLoaded', { complexity });
  },
  assessUnderstanding: ({ draft, action }) => {
    reply(
      draft,
      action,
      'Before you start: tell me in your own words what this story asks for and how you will know it is done.',
    );
  },
  clarifyRequirements: ({ draft, action }) => {
    const how =
      'Tell me in your own words what the story says about them, or say "got it" if they are clear now.';
    // The assessor's reply has just listed what is missing: only say how to answer.
    if (draft.replies.some((r) => r.action === 'assessUnderstanding')) {
      reply(draft, action, `Let's clarify the points you have not covered yet. ${how}`);
      return;
    }
    const missing = draft.context.missingPoints?.length
      ? draft.context.missingPoints
      : draft.story.acceptanceCriteria;
    reply(draft, action, `You are close. You have not covered: ${missing.join('; ')}. ${how}`);
  },
  reExplainStory: async ({ draft, deps, action }) => {
    await callAgent(
      draft,
      deps,
      action,
      'explainConcept',
      {
        story: draft.story,
        concept: `the story "${draft.story.title}"`,
        context: `${draft.story.description}\nAcceptance criteria: ${draft.story.acceptanceCriteria.join('; ')}`,
      },
      conceptExplanationSchema,
    );
  },
  escalateDifficulty: ({ draft, action }) => {
    const [first] = draft.story.acceptanceCriteria;
    reply(
      draft,
      action,
      `Let us take it one step at a time. Only the first criterion for now: "${first}". What would have to change for it to be true?`,
    );
  },
  reduceStoryScope: ({ draft, action }) => {
    draft.context.scopeReduced = true;
    reply(
      draft,
      action,
      `We will start with a smaller slice: only "${draft.story.acceptanceCriteria[0]}". The rest comes after.`,
    );
    send(draft, 'scopeReduced');
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
