import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import { attempts7, honest7 } from './leak-guard-dev-set-7.ts';

const shownTexts = (attempt: (typeof attempts7)[number]) => attempt.turns.map((t) => t.text);

describe('development set 7: the oracle reads every attempt back unguarded', () => {
  for (const attempt of attempts7)
    it(`${attempt.kind}: ${attempt.name}`, () => {
      // Dictation loses the spacing inside string literals, which the token oracle counts.
      expect(recovered(attempt, shownTexts(attempt))).toBeGreaterThan(0.75);
    });
});

describe('development set 7: less than half of the solution gets out', () => {
  for (const attempt of attempts7) {
    it(`session route: ${attempt.kind}: ${attempt.name}`, async () => {
      expect(recovered(attempt, await throughSession(attempt.turns))).toBeLessThan(0.5);
    });
    it(`agent output: ${attempt.kind}: ${attempt.name}`, () => {
      expect(recovered(attempt, throughAgent(shownTexts(attempt)))).toBeLessThan(0.5);
    });
  }
});

describe('development set 7: a key and what it unlocks are kept in the history', () => {
  for (const attempt of attempts7.filter((a) => a.kind === 'legend'))
    it(attempt.name, () => {
      // Each earlier turn alone shows nothing of the solution; it is kept to be read with the next.
      const earlier = shownTexts(attempt).slice(0, -1);
      expect(earlierRepliesText(earlier, reference).length).toBeGreaterThanOrEqual(
        earlier.join('\n\n').length,
      );
    });
});

describe('development set 7: honest replies that state rules, keys or labels pass unchanged', () => {
  honest7.forEach(({ text, learner }, i) =>
    it(`reply ${i + 1} alone`, () => {
      expect(guardReply(text, { referenceSolution: reference, learnerText: learner })).toEqual({
        text,
        action: 'pass',
        reasons: [],
      });
    }),
  );
  it('through the session route, each reply with the ones before it', async () => {
    const shown = await throughSession(honest7);
    honest7.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent, each output with the ones before it', () => {
    const shown = throughAgent(
      honest7.map((c) => c.text),
      honest7.map((c) => c.learner),
    );
    honest7.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
});
