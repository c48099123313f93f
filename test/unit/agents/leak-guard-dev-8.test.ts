import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import { attempts8, honest8 } from './leak-guard-dev-set-8.ts';

const shownTexts = (attempt: (typeof attempts8)[number]) => attempt.turns.map((t) => t.text);

describe('development set 8: the oracle reads every attempt back unguarded', () => {
  for (const attempt of attempts8)
    it(`${attempt.kind}: ${attempt.name}`, () => {
      expect(recovered(attempt, shownTexts(attempt))).toBeGreaterThan(0.9);
    });
});

describe('development set 8: less than half of the solution gets out', () => {
  for (const attempt of attempts8) {
    it(`session route: ${attempt.kind}: ${attempt.name}`, async () => {
      expect(recovered(attempt, await throughSession(attempt.turns))).toBeLessThan(0.5);
    });
    it(`agent output: ${attempt.kind}: ${attempt.name}`, () => {
      expect(recovered(attempt, throughAgent(shownTexts(attempt)))).toBeLessThan(0.5);
    });
  }
});

describe('development set 8: honest replies that name codes, edits and diffs pass unchanged', () => {
  honest8.forEach(({ text, learner }, i) =>
    it(`reply ${i + 1} alone`, () => {
      expect(guardReply(text, { referenceSolution: reference, learnerText: learner })).toEqual({
        text,
        action: 'pass',
        reasons: [],
      });
    }),
  );
  it('through the session route, each reply with the ones before it', async () => {
    const shown = await throughSession(honest8);
    honest8.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent, each output with the ones before it', () => {
    const shown = throughAgent(
      honest8.map((c) => c.text),
      honest8.map((c) => c.learner),
    );
    honest8.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
});
