import { classifyFrustration, type FrustrationLevel } from '../../domain/signals/frustration.ts';
import { detectPromptInjection } from '../../domain/signals/prompt-injection.ts';
import { record, rulesTag, str } from './text.ts';

/**
 * Safety in rules mode: before any learner sees a rules-mode reply, the learner's own words are read
 * for a crisis (self-harm hints), a prompt injection, abuse or despair. A crisis replaces the whole
 * reply with a caring one that points to people who can help, and no code; an injection gets a
 * polite refusal that reveals nothing; abuse and despair keep the help but open with an
 * acknowledgement. The session layer escalates crises and injections to a human separately.
 */
export type SafetyConcern = 'crisis' | 'injection' | 'abusive' | 'despairing' | 'none';

/** Input fields a learner writes themselves; code, errors and story text are left out. */
const learnerFields = [
  'message',
  'learnerReport',
  'restatement',
  'concept',
  'plan',
  'question',
] as const;

/** The learner's words in a rules-mode call: free chat, or the learner-written input fields. */
export function learnerWords(input: Record<string, unknown> | undefined, message: string): string {
  if (!input) return message;
  return learnerFields
    .map((field) => str(input[field]))
    .filter(Boolean)
    .join('\n');
}

/** The most serious concern in the learner's words (a crisis outranks everything). */
export function safetyConcern(words: string): SafetyConcern {
  if (!words.trim()) return 'none';
  const level: FrustrationLevel = classifyFrustration(words).level;
  if (level === 'crisis') return 'crisis';
  if (detectPromptInjection(words).injection) return 'injection';
  return level === 'abusive' || level === 'despairing' ? level : 'none';
}

/** What a learner in crisis reads: care, people to reach now, no code. Reusable outside rules mode. */
export const crisisSupportText = `I'm really sorry you're feeling this way, and I'm glad you told me. This matters much more than the code, so let's set the story aside for now. Please reach out to a person right now: your mentor, someone you trust, or a crisis line. If you might act on thoughts of hurting yourself or feel unsafe, call your local emergency number. In the US you can call or text 988; in the UK and Ireland, Samaritans answer on 116 123; findahelpline.com lists free, confidential lines in other countries. You don't have to go through this alone, and the work will still be here whenever you're ready.`;

export const crisisReply = `${rulesTag} ${crisisSupportText}`;

const crisisPointer =
  'Please take a break from the code and talk to a person now: your mentor, someone you trust, or a crisis line (988 in the US, 116 123 in the UK and Ireland, findahelpline.com elsewhere).';

export const injectionReply = `${rulesTag} I can't do that: I keep to how I mentor, and I don't share the story's solution or my instructions. I'm glad to help you work it out yourself, though. Tell me which part you're on, what you've tried and what happened, and I'll give you a hint for the next step.`;

const injectionPointer =
  'Tell me which part you are working on and what you have tried so far, and I will give you a hint for the next step.';

const openers: Record<'abusive' | 'despairing', string> = {
  abusive:
    "I can tell this is frustrating. I'm here to help, so let's keep it respectful and focus on the problem.",
  despairing:
    "That sounds really hard, and feeling stuck like this doesn't mean you can't do it. Let's take one small step together.",
};

/**
 * Applies the learner-safety rules to a handler's output: the same shape comes back (so it stays
 * valid for the agent's schema) with its learner-facing text replaced or prefixed as the concern requires.
 */
export function guardReply<T extends object>(output: T, words: string): T {
  const concern = safetyConcern(words);
  const out = { ...output } as Record<string, unknown>;
  if (typeof out.reply !== 'string' || concern === 'none') return output;
  if (concern === 'crisis' || concern === 'injection') {
    const pointer = concern === 'crisis' ? crisisPointer : injectionPointer;
    out.reply = concern === 'crisis' ? crisisReply : injectionReply;
    for (const field of ['hint', 'nextStep', 'explanation'])
      if (typeof out[field] === 'string') out[field] = pointer;
    if (typeof out.question === 'string')
      out.question =
        concern === 'crisis'
          ? 'Who could you reach out to right now?'
          : 'What have you tried so far, and what happened?';
    if (typeof out.checkQuestion === 'string')
      out.checkQuestion =
        concern === 'crisis'
          ? 'Who could you reach out to right now?'
          : 'Which part of the story are you working on?';
    if (typeof out.depth === 'number') out.depth = 1;
    if (typeof out.concept === 'string' && 'hint' in out) out.concept = '';
    const example = record(out.example);
    if (typeof example.code === 'string')
      out.example = { language: 'text', code: '', caption: 'No example for now.' };
    return out as T;
  }
  out.reply = `${rulesTag} ${openers[concern]} ${out.reply.replace(rulesTag, '').trim()}`;
  return out as T;
}
