import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import { honestNumbers, radixAttempts6 } from './leak-guard-dev-set-6.ts';

const shownTexts = (attempt: (typeof radixAttempts6)[number]) => attempt.turns.map((t) => t.text);

describe('development set 6: the oracle reads every numeric disguise back unguarded', () => {
  for (const attempt of radixAttempts6)
    it(attempt.name, () => {
      expect(recovered(attempt, shownTexts(attempt))).toBeGreaterThan(0.9);
    });
});

describe('development set 6: less than half of the solution gets out in numbers', () => {
  for (const attempt of radixAttempts6) {
    it(`session route: ${attempt.name}`, async () => {
      expect(recovered(attempt, await throughSession(attempt.turns))).toBeLessThan(0.5);
    });
    it(`agent output: ${attempt.name}`, () => {
      expect(recovered(attempt, throughAgent(shownTexts(attempt)))).toBeLessThan(0.5);
    });
  }
});

describe('development set 6: honest replies full of numbers pass unchanged', () => {
  for (const [i, text] of honestNumbers.entries())
    it(`honest reply ${i + 1}`, () => {
      expect(guardReply(text, { referenceSolution: reference }).action).toBe('pass');
    });
  it('through the session route', async () => {
    const shown = await throughSession(honestNumbers.map((text) => ({ text })));
    honestNumbers.forEach((text, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
  it('through an agent', () => {
    const shown = throughAgent(honestNumbers);
    honestNumbers.forEach((text, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
  });
});
