import type { ReviewCoaching, ReviewOutcome } from '../../domain/contracts/review-coaching.ts';
import { byLevel, profileOf, record, rulesTag, str } from './text.ts';

type Kind = ReviewCoaching['comments'][number]['kind'];

const praise =
  /^\s*(?:(?:lgtm|looks good(?: to me)?|nice|great|well done|good job|thanks|\+1|👍|ship it)[\s!.:]*)+$|^(?:lgtm|looks good|nice work|great work|well done)\b/i;
const suggestion =
  /\b(?:nit|nitpick|optional|consider|maybe|might|could|perhaps|minor|suggestion|prefer|personal preference|not blocking|non-blocking|feel free|up to you|small thing)\b/i;
const blocking =
  /\b(?:must|needs? to|has to|required|blocking|bug|broken|incorrect|wrong|security|vulnerab\w*|injection|leak\w*|race condition|crash\w*|breaks?|missing (?:tests?|validation|error handling)|please (?:add|fix|change|remove|rename|handle|update|use|rework|redo|split|move|revert)|don'?t|do not|won'?t|will not|should(?!\s+(?:we|i)\b)|fails?|needs? (?:a|an|to)|we need)\b/i;
const question = /\?\s*$|^\s*(?:why|what|how|is|are|does|do|can|could you explain|wouldn'?t)\b/i;
const major =
  /\b(?:redesign|rework|re-?architect|wrong approach|different approach|another approach|rewrite|architecture|security|vulnerab\w*|injection|data loss|breaking change|doesn'?t meet|does not meet|not what the story|(?:won'?t|will not|doesn'?t|does not) scale)\b/i;

function classify(body: string): Kind {
  if (praise.test(body.trim())) return 'praise';
  // A request to rethink the approach is blocking however politely it is put.
  if (major.test(body)) return 'blocking';
  const strong = /\b(?:must|bug|security|broken|incorrect|wrong)\b/i.test(body);
  if (question.test(body) && !strong) return 'question';
  if (suggestion.test(body) && !strong) return 'suggestion';
  if (blocking.test(body)) return 'blocking';
  return 'suggestion';
}

const meaningByKind: Record<Kind, string> = {
  blocking: 'The reviewer sees a problem that has to be fixed before the change can be merged.',
  suggestion: 'An optional improvement: worth considering, but not required to merge.',
  question: 'The reviewer wants to understand a decision; an answer in the thread may be enough.',
  praise: 'Positive feedback: nothing to change.',
};

/** Rules-mode review coach: sorts comments into blocking, suggestions, questions and praise, and reads the outcome. */
export function coachReview(
  input: Record<string, unknown> | undefined,
  message: string,
): ReviewCoaching {
  const { level } = profileOf(input);
  const state = str(input?.reviewState);
  const raw = Array.isArray(input?.comments)
    ? input.comments.map((c) => (typeof c === 'string' ? c : str(record(c).body)))
    : [];
  const bodies = (raw.length ? raw : message ? [message] : []).filter((b) => b.trim());
  const comments = bodies.map((original) => {
    const kind = classify(original);
    const action =
      kind === 'blocking'
        ? 'Fix it, push the change, and reply in the thread saying how you addressed it.'
        : kind === 'question'
          ? 'Answer in the thread: explain your reasoning, or change the code if the question shows a problem.'
          : kind === 'suggestion'
            ? 'Decide whether to apply it; either do it or reply briefly why not.'
            : 'Say thanks; no change needed.';
    return { original, kind, meaning: meaningByKind[kind], action };
  });
  const count = (k: Kind) => comments.filter((c) => c.kind === k).length;
  const blockers = count('blocking');
  const isMajor =
    comments.some((c) => c.kind === 'blocking' && major.test(c.original)) || blockers >= 4;

  let outcome: ReviewOutcome;
  if (isMajor) outcome = 'majorChanges';
  else if (blockers > 0 || (state === 'changesRequested' && count('suggestion') > 0))
    outcome = 'minorChanges';
  else if (state === 'changesRequested') outcome = count('question') ? 'questions' : 'minorChanges';
  else if (count('question') > 0) outcome = 'questions';
  else if (
    state === 'approved' ||
    comments.every((c) => c.kind === 'praise' || c.kind === 'suggestion')
  )
    outcome = 'approved';
  else outcome = 'minorChanges';

  const summary: Record<ReviewOutcome, string> = {
    approved: 'The review is approved: your change can be merged.',
    minorChanges: `The reviewer asks for ${blockers || 'a few'} small change${blockers === 1 ? '' : 's'} before merging.`,
    majorChanges:
      'The reviewer asks for bigger changes: the approach itself needs rework before merging.',
    questions: 'The reviewer has questions before deciding.',
  };
  const lines = comments.map(
    (c, i) =>
      `${i + 1}. [${c.kind}] "${c.original.length > 100 ? `${c.original.slice(0, 100)}…` : c.original}": ${c.action}`,
  );
  const reply = `${rulesTag} ${summary[outcome]}${lines.length ? `\n\n${lines.join('\n')}` : ''}${byLevel(
    level,
    {
      beginner:
        '\n\nReview comments are about the code, not about you; every developer gets them. Start with the blocking ones.',
      intermediate: '',
      advanced: '',
    },
  )}`;
  return { outcome, comments, reply };
}
