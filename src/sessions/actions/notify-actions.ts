/**
 * Escalations and notices for a human: each writes a `notifications` row (keyed by event, kind and
 * recipient, so a re-run turn writes it once) and tells the learner what happens next.
 */
import type { StoryAction } from '../../domain/machines/story-actions.ts';
import { crisisSupportText } from '../../models/rules/safety.ts';
import { currentTask } from '../context.ts';
import { leaf, notify, reply } from '../turn/draft.ts';
import type { TurnDraft } from '../turn/draft.ts';
import type { ActionHandler } from './types.ts';

/** What a human needs to pick the session up: where it is, why, and the last transitions. */
function summary(draft: TurnDraft, reason: string): Record<string, unknown> {
  return {
    state: leaf(draft),
    reason,
    story: draft.story.title,
    task: currentTask(draft.context),
    event: { id: draft.event.id, type: draft.event.type },
    recentTransitions: draft.transitions
      .slice(-5)
      .map((t) => `${t.from_state} --${t.event}--> ${t.to_state}`),
  };
}

/** Whether the escalation's reasons include a learner in crisis (the `crisis` escalation trigger). */
const inCrisis = (data: Record<string, unknown>): boolean =>
  Array.isArray(data.reasons) &&
  data.reasons.some(
    (r) => typeof r === 'object' && r !== null && (r as { trigger?: unknown }).trigger === 'crisis',
  );

const reasonOf = (draft: TurnDraft, data: Record<string, unknown>): string => {
  const reasons = data.reasons;
  if (Array.isArray(reasons) && reasons.length)
    return reasons.map((r) => String((r as { detail?: unknown }).detail ?? r)).join('; ');
  return draft.transitions.at(-1)?.event ?? draft.event.type;
};

export const notifyActions = {
  notifyMentor: ({ draft, data }) => {
    notify(
      draft,
      'mentor-attention',
      draft.session.mentorId ? 'mentor' : 'human',
      summary(draft, reasonOf(draft, data)),
    );
  },
  escalateToHuman: ({ draft, action, data }) => {
    draft.context.escalatedAt = draft.now.toISOString();
    notify(draft, 'escalation', 'human', summary(draft, reasonOf(draft, data)));
    if (inCrisis(data)) {
      // The person comes first: nothing else this turn said (a hint, code, the task) is shown next to it.
      draft.replies.splice(0);
      reply(draft, action, crisisSupportText);
      return;
    }
    reply(
      draft,
      action,
      'A human mentor has been asked to help and will pick this up with you. Your progress so far is saved.',
    );
  },
  escalateIssue: ({ draft, action, data }) => {
    notify(
      draft,
      'technical-issue',
      draft.session.mentorId ? 'mentor' : 'human',
      summary(draft, reasonOf(draft, data)),
    );
    reply(
      draft,
      action,
      'This problem needs a second pair of eyes: I have flagged it to your mentor.',
    );
  },
  timeOutStory: ({ draft, action }) => {
    notify(
      draft,
      'story-timeout',
      draft.session.mentorId ? 'mentor' : 'human',
      summary(draft, 'no progress for the no-progress period'),
    );
    reply(
      draft,
      action,
      'There has been no progress for a long time, so this story is paused as timed out. Your mentor will follow up.',
    );
  },
} satisfies Partial<Record<StoryAction, ActionHandler>>;
