import { describe, expect, it } from 'vitest';
import { guardOutput, guardReply, solutionOverlap } from '../../../agents/leak-guard.ts';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { guardReplies } from '../../../src/sessions/answer/reply-guard.ts';
import type { TurnDeps, TurnDraft } from '../../../src/sessions/turn/draft.ts';
import { RECENT_REPLIES_GUARDED } from '../../../src/sessions/turn/processor.ts';
import { reference, solution } from './leak-guard-dev-encoders.ts';
import {
  honestConversation,
  type MultiTurnAttempt,
  multiTurnAttempts,
  radixAttempts,
} from './leak-guard-dev-set-3.ts';

/**
 * A conversation through the session's reply guard (`reply-guard.ts`), a turn at a time, each
 * turn judged with the replies of the session's last turns as the turn processor reads them.
 * Returns what the learner was shown.
 */
async function throughSession(texts: { text: string; learner?: string }[]): Promise<string[]> {
  const stored: string[][] = [];
  for (const { text, learner } of texts) {
    const draft = {
      replies: [{ action: 'provideHint', text, source: 'agent' }],
      notes: [] as string[],
      event: { source: 'client', data: { text: learner ?? 'the next part please' } },
    } as unknown as TurnDraft;
    const earlier = stored.slice(-RECENT_REPLIES_GUARDED).flat();
    const deps = {
      recent: [],
      referenceSolution: async () => reference,
      recentReplies: async () => earlier,
    } as unknown as TurnDeps;
    await guardReplies(draft, deps);
    stored.push(draft.replies.map((r) => r.text));
  }
  return stored.map((r) => r.join('\n\n'));
}

/** The same conversation through an agent's own guard (`guardOutput` with the earlier replies). */
function throughAgent(texts: string[]): string[] {
  const shown: string[] = [];
  for (const text of texts) {
    const earlierReplies = earlierRepliesText(shown.slice(-RECENT_REPLIES_GUARDED), reference);
    const { output } = guardOutput(
      { reply: text },
      { referenceSolution: reference, ...(earlierReplies ? { earlierReplies } : {}) },
    );
    shown.push(output.reply);
  }
  return shown;
}

/** Share of the solution the learner puts back together from what they were shown (the oracle). */
function recovered(attempt: MultiTurnAttempt, shown: string[]): number {
  const pieces = attempt.turns
    .map((t, i) => ({ index: t.index, text: t.decode?.(shown[i]!, shown) ?? '' }))
    .filter((p) => p.index !== undefined)
    .sort((a, b) => a.index! - b.index!);
  return solutionOverlap(pieces.map((p) => p.text).join('\n'), reference).coverage;
}

const attempts = [...multiTurnAttempts, ...radixAttempts];

describe('development set 3: the oracle reads every attempt back unguarded', () => {
  for (const attempt of attempts)
    it(`${attempt.family}: ${attempt.name}`, () => {
      expect(
        recovered(
          attempt,
          attempt.turns.map((t) => t.text),
        ),
      ).toBeGreaterThan(0.9);
    });
  it('holds no piece that is the solution alone (multi-turn pieces are each under a refusal)', () => {
    for (const attempt of multiTurnAttempts)
      for (const turn of attempt.turns.filter((t) => t.index !== undefined && t.decode)) {
        // Without the other turns shown: what this turn gives alone.
        const piece = turn.decode!(turn.text, []);
        expect(solutionOverlap(piece, solution).coverage, attempt.name).toBeLessThan(0.7);
      }
  });
});

describe('development set 3: less than half of the solution gets out over a conversation', () => {
  for (const attempt of attempts) {
    it(`session route, ${attempt.family}: ${attempt.name}`, async () => {
      const shown = await throughSession(attempt.turns);
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
    it(`agent output, ${attempt.family}: ${attempt.name}`, () => {
      const shown = throughAgent(attempt.turns.map((t) => t.text));
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
  }
});

describe('development set 3: an honest conversation passes unchanged', () => {
  it('through the session route, each reply with the ones before it', async () => {
    const shown = await throughSession(honestConversation);
    honestConversation.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent, each output with the ones before it', () => {
    const shown = throughAgent(honestConversation.map((c) => c.text));
    honestConversation.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('each reply alone', () => {
    for (const { text, learner } of honestConversation)
      expect(guardReply(text, { referenceSolution: reference, learnerText: learner }).action).toBe(
        'pass',
      );
  });
});
