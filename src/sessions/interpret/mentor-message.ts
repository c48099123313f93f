import type { TurnDraft } from '../turn/draft.ts';
import { recorded, type Interpretation } from './interpretation.ts';

/**
 * A human mentor's reply (sent from the escalations inbox): the turn's one reply is the mentor's
 * text, authored by them, and nothing else changes — no machine event, no activity, no escalation
 * check. The learner reads it with the session's replies like any other.
 */
export function interpretMentorMessage(draft: TurnDraft): Interpretation {
  const { text, by } = draft.event.data as { text: string; by: string };
  draft.replies.push({ action: 'mentorMessage', text, source: 'mentor', author: by });
  return recorded(`message from mentor ${by}`, false);
}
