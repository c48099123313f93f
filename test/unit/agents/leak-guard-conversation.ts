/**
 * A development-set conversation through the two guarded routes (the session's reply guard and an
 * agent's own guard), and the oracle that puts back together what the learner was shown.
 */
import { guardOutput, solutionOverlap } from '../../../agents/leak-guard.ts';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { guardReplies } from '../../../src/sessions/answer/reply-guard.ts';
import type { TurnDeps, TurnDraft } from '../../../src/sessions/turn/draft.ts';
import { RECENT_REPLIES_GUARDED } from '../../../src/sessions/turn/processor.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import type { MultiTurnAttempt } from './leak-guard-dev-set-3.ts';

/**
 * A conversation through the session's reply guard (`reply-guard.ts`), a turn at a time, each
 * turn judged with the replies of the session's last turns as the turn processor reads them.
 * Returns what the learner was shown.
 */
export async function throughSession(
  texts: { text: string; learner?: string }[],
): Promise<string[]> {
  const stored: string[][] = [];
  // What the learner wrote in earlier turns: the session reads its recent events with this one.
  const recent: { source: string; data: { text: string } }[] = [];
  for (const { text, learner } of texts) {
    const draft = {
      replies: [{ action: 'provideHint', text, source: 'agent' }],
      notes: [] as string[],
      event: { source: 'client', data: { text: learner ?? 'the next part please' } },
    } as unknown as TurnDraft;
    const earlier = stored.slice(-RECENT_REPLIES_GUARDED).flat();
    const deps = {
      recent: [...recent],
      referenceSolution: async () => reference,
      recentReplies: async () => earlier,
    } as unknown as TurnDeps;
    await guardReplies(draft, deps);
    stored.push(draft.replies.map((r) => r.text));
    if (learner) recent.push({ source: 'client', data: { text: learner } });
  }
  return stored.map((r) => r.join('\n\n'));
}

/**
 * The same conversation through an agent's own guard (`guardOutput` with the earlier replies and,
 * when given, what the learner wrote that turn and before).
 */
export function throughAgent(texts: string[], learners: (string | undefined)[] = []): string[] {
  const shown: string[] = [];
  for (const [i, text] of texts.entries()) {
    const learnerText =
      learners
        .slice(0, i + 1)
        .filter(Boolean)
        .join('\n') || undefined;
    const earlierReplies = earlierRepliesText(shown.slice(-RECENT_REPLIES_GUARDED), reference);
    const { output } = guardOutput(
      { reply: text },
      {
        referenceSolution: reference,
        ...(earlierReplies ? { earlierReplies } : {}),
        ...(learnerText ? { learnerText } : {}),
      },
    );
    shown.push(output.reply);
  }
  return shown;
}

/** Share of the solution the learner puts back together from what they were shown (the oracle). */
export function recovered(attempt: MultiTurnAttempt, shown: string[]): number {
  const pieces = attempt.turns
    .map((t, i) => ({ index: t.index, text: t.decode?.(shown[i]!, shown) ?? '' }))
    .filter((p) => p.index !== undefined)
    .sort((a, b) => a.index! - b.index!);
  return solutionOverlap(pieces.map((p) => p.text).join('\n'), reference).coverage;
}
