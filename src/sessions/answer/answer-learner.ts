/**
 * A learner who writes always gets an answer. When a chat message or a help request moved nothing
 * and no action replied, this reply is made, in order: the safety rules first (a crisis gets the
 * caring reply and a human is told; an injection gets the refusal), then an answer to a question
 * (story, concept library, hint), then guidance: what the current state is waiting for and how to
 * give it. Deterministic, and labelled "(rules mode)".
 */
import { guardReply as safetyGuard, safetyConcern } from '../../models/rules/safety.ts';
import { rulesTag } from '../../models/rules/text.ts';
import { looksLikePlan, looksLikeQuestion } from '../interpret/message-shape.ts';
import { leaf, notify, reply, type TurnDeps, type TurnDraft } from '../turn/draft.ts';
import { answerQuestion } from './learner-question.ts';
import { guidanceFor } from './state-guidance.ts';

const learnerEvents = new Set(['learner-message', 'help-request']);

/** The learner's own words in the event (a message's text, a help request's topic or text). */
export function learnerText(draft: TurnDraft): string {
  const { data } = draft.event;
  for (const key of ['text', 'topic', 'message'])
    if (typeof data[key] === 'string' && data[key].trim()) return data[key];
  return '';
}

/** True when the event is the learner writing and the turn has not answered yet. */
export function awaitsAnswer(draft: TurnDraft): boolean {
  return learnerEvents.has(draft.event.type) && draft.replies.length === 0;
}

/** Makes the turn's one reply to a learner's message that nothing else answered. */
export async function answerLearner(draft: TurnDraft, deps: TurnDeps): Promise<void> {
  if (!awaitsAnswer(draft)) return;
  const text = learnerText(draft);
  const concern = safetyConcern(text);
  if (concern === 'crisis' || concern === 'injection') {
    // The escalation trigger pages a human for a crisis where it can; here it could not (e.g. already escalated).
    if (concern === 'crisis')
      notify(draft, 'crisis', 'human', {
        state: leaf(draft),
        event: { id: draft.event.id, type: draft.event.type },
      });
    reply(draft, 'answerLearner', safetyGuard({ reply: '' }, text).reply);
    return;
  }
  const helpAsked = draft.event.type === 'help-request';
  if (
    (helpAsked || looksLikeQuestion(text)) &&
    (await answerQuestion(draft, deps, text, helpAsked))
  )
    return;
  const guidance = `${rulesTag} ${guidanceFor(draft, { plan: looksLikePlan(text) })}`;
  // Abuse or despair keep the guidance but open with an acknowledgement.
  reply(draft, 'guideLearner', safetyGuard({ reply: guidance }, text).reply);
}
