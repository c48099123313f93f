import type { HeldOutSet } from '../extraction-2/index.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';
import { keyedCases } from './cases-keyed.ts';
import { singleCases } from './cases-single.ts';
import { type Case, families } from './kit.ts';
import { negatives } from './negatives.ts';
import { read } from './oracle.ts';

export type { HeldOutSet };

/** Set 5 (README.md): attempts in family order, then the honest conversations. */
export const cases: Case[] = [...singleCases, ...keyedCases, ...benignA, ...benignB];

/** Set 5 as the runner (test/security/extraction-heldout.heldout.ts) uses it. */
export const set5: HeldOutSet = {
  name: 'set 5 (evals/heldout/extraction-5)',
  cases,
  families,
  negatives,
  read,
  minAttempts: 26,
};
