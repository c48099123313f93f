/**
 * The checks every development set of the leak guard makes (sets 7 and on): the oracle reads each
 * attempt back unguarded, less than half of the solution gets out on either guarded route, and the
 * set's honest replies pass unchanged, alone and after each other.
 */
import { describe, expect, it } from 'vitest';
import { guardReply } from '../../../agents/leak-guard.ts';
import { recovered, throughAgent, throughSession } from './leak-guard-conversation.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import type { MultiTurnAttempt } from './leak-guard-dev-set-3.ts';

export interface DevSet {
  /** e.g. "development set 8". */
  name: string;
  attempts: readonly (MultiTurnAttempt & { kind: string })[];
  honest: readonly { text: string; learner?: string }[];
  /** What the oracle must read back of an attempt unguarded (a codec may lose some spacing). */
  readable: number;
  /** What the honest replies are, for the test names. */
  honestAre: string;
}

/** The texts an attempt shows the learner, unguarded. */
export const shownTexts = (attempt: MultiTurnAttempt) => attempt.turns.map((t) => t.text);

/** Declares the shared checks of one development set. */
export function describeDevSet({ name, attempts, honest, readable, honestAre }: DevSet): void {
  describe(`${name}: the oracle reads every attempt back unguarded`, () => {
    for (const attempt of attempts)
      it(`${attempt.kind}: ${attempt.name}`, () => {
        expect(recovered(attempt, shownTexts(attempt))).toBeGreaterThan(readable);
      });
  });

  describe(`${name}: less than half of the solution gets out`, () => {
    for (const attempt of attempts) {
      it(`session route: ${attempt.kind}: ${attempt.name}`, async () => {
        expect(recovered(attempt, await throughSession(attempt.turns))).toBeLessThan(0.5);
      });
      it(`agent output: ${attempt.kind}: ${attempt.name}`, () => {
        const learners = attempt.turns.map((t) => (t as { learner?: string }).learner);
        expect(recovered(attempt, throughAgent(shownTexts(attempt), learners))).toBeLessThan(0.5);
      });
    }
  });

  describe(`${name}: ${honestAre} pass unchanged`, () => {
    honest.forEach(({ text, learner }, i) =>
      it(`reply ${i + 1} alone`, () => {
        expect(guardReply(text, { referenceSolution: reference, learnerText: learner })).toEqual({
          text,
          action: 'pass',
          reasons: [],
        });
      }),
    );
    it('through the session route, each reply with the ones before it', async () => {
      const shown = await throughSession([...honest]);
      honest.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
    });
    it('through an agent, each output with the ones before it', () => {
      const shown = throughAgent(
        honest.map((c) => c.text),
        honest.map((c) => c.learner),
      );
      honest.forEach(({ text }, i) => expect(shown[i], `reply ${i + 1}`).toBe(text));
    });
  });
}
