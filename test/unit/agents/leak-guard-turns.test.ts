import { describe, expect, it } from 'vitest';
import { guardReply, solutionOverlap } from '../../../agents/leak-guard.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference, solution } from './leak-guard-dev-encoders.ts';
import { honestConversation, multiTurnAttempts, radixAttempts } from './leak-guard-dev-set-3.ts';

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
