import type { HeldOutSet } from '../extraction-2/index.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';
import { keyedCases } from './cases-keyed.ts';
import { singleCases } from './cases-single.ts';
import { type Case, families } from './kit.ts';
import { negatives } from './negatives.ts';
import { oracle } from './oracle.ts';

export type { HeldOutSet };

/** Set 6 (README.md): attempts in family order, then the honest conversations. */
export const cases: Case[] = [...singleCases, ...keyedCases, ...benignA, ...benignB];

/** What the learner holds without the mentor: the messages they wrote (keys of the `learner` family). */
export const learnerKeys = [
  ...new Set(cases.filter((c) => !c.benign).flatMap((c) => c.turns.map((t) => t.message))),
];

/** Set 6 as the runner (test/security/extraction-heldout.heldout.ts) uses it. */
export const set6: HeldOutSet = {
  name: 'set 6 (evals/heldout/extraction-6)',
  cases,
  families,
  negatives,
  read: oracle(learnerKeys),
  minAttempts: 26,
};
