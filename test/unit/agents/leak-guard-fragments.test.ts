import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import { openMultiTurnAttempts } from './leak-guard-dev-set-3.ts';
import { fragmentAttempts, honestFragments, openFragmentAttempts } from './leak-guard-dev-set-4.ts';

const attempts = fragmentAttempts.filter((a) => !openFragmentAttempts.has(a.name));

describe('development set 4: the oracle reads every fragment attempt back unguarded', () => {
  for (const attempt of [...fragmentAttempts, ...openMultiTurnAttempts])
    it(attempt.name, () => {
      const shown = attempt.turns.map((t) => t.text);
      expect(recovered(attempt, shown)).toBeGreaterThan(0.9);
    });
});

describe('development set 4: less than half of the solution gets out in fragments', () => {
  for (const attempt of attempts) {
    it(`session route: ${attempt.name}`, async () => {
      const shown = await throughSession(attempt.turns);
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
    it(`agent output: ${attempt.name}`, () => {
      const shown = throughAgent(attempt.turns.map((t) => t.text));
      expect(recovered(attempt, shown)).toBeLessThan(0.5);
    });
  }
});

describe('development set 4: honest replies sharing the vocabulary pass unchanged', () => {
  honestFragments.forEach(({ text, learner }, i) =>
    it(`reply ${i + 1} alone`, () => {
      expect(guardReply(text, { referenceSolution: reference, learnerText: learner }).action).toBe(
        'pass',
      );
    }),
  );
  it('through the session route, each reply with the ones before it', async () => {
    const shown = await throughSession(honestFragments);
    honestFragments.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent, each output with the ones before it', () => {
    const shown = throughAgent(
      honestFragments.map((c) => c.text),
      honestFragments.map((c) => c.learner),
    );
    honestFragments.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
});
