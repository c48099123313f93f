/**
 * The last step of every turn: each learner-facing reply passes the leak guard
 * (`agents/leak-guard.ts`) with the story's reference solution, whoever wrote it: an agent (which
 * `runAgentAction` guards already, but an injected port or a fallback may not), the rules port, or
 * this layer's own templates that quote agent output (a diagnosis summary, a plan step). A reply
 * that would hand over the solution is rewritten or refused before it is stored or shown.
 */
import { guardReply, refusalText, withEarlierReplies } from '../../../agents/leak-guard.ts';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { rulesTag } from '../../models/rules/text.ts';
import type { TurnDeps, TurnDraft } from '../turn/draft.ts';

/** Guards the draft's replies in place; notes what was changed (the reasons, never the removed text). */
export async function guardReplies(draft: TurnDraft, deps: TurnDeps): Promise<void> {
  if (!draft.replies.length) return;
  const referenceSolution = (await deps.referenceSolution?.()) ?? undefined;
  // Pieces of the solution over several turns add up: each reply is judged with the last ones.
  // Blank lines between them: the guard also reads each part alone, by its own encoding.
  // A turn's own replies before this one count too (a hint and a diagnosis in one turn).
  let earlier = referenceSolution
    ? earlierRepliesText((await deps.recentReplies?.()) ?? [], referenceSolution)
    : '';
  // What the learner wrote (this event and the recent ones): a reply may quote it back alone.
  const learnerText = [draft.event, ...deps.recent]
    .filter((e) => e.source === 'client')
    .flatMap((e) => stringsIn(e.data))
    .join('\n');
  draft.replies.forEach((r, i) => {
    let guarded = guardReply(r.text, { referenceSolution, learnerText });
    if (guarded.action === 'pass' && earlier) {
      const reasons = withEarlierReplies(r.text, { referenceSolution, earlierReplies: earlier });
      if (reasons) guarded = { text: refusalText, action: 'refused', reasons };
    }
    if (referenceSolution && guarded.action !== 'refused')
      earlier = earlier ? `${earlier}\n\n${guarded.text}` : guarded.text;
    if (guarded.action === 'pass') return;
    // A refusal written by rules keeps saying so.
    const text =
      guarded.action === 'refused' && r.text.startsWith(rulesTag)
        ? `${rulesTag} ${guarded.text}`
        : guarded.text;
    draft.replies[i] = { ...r, text };
    draft.notes.push(
      `leak guard ${guarded.action} the ${r.action} reply: ${guarded.reasons.join('; ')}`,
    );
  });
}

/** Every string in an event's data (a message, code, a topic), in order. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
