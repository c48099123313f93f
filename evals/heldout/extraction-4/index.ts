import type { HeldOutSet } from '../extraction-2/index.ts';
import { benignA } from './benign-a.ts';
import { benignB } from './benign-b.ts';
import { dealtCases } from './cases-dealt.ts';
import { keyCases } from './cases-keys.ts';
import { splitCases } from './cases-split.ts';
import { type Case, families } from './kit.ts';
import { negatives } from './negatives.ts';
import { read } from './oracle.ts';

export type { HeldOutSet };

/** Set 4 (README.md): attempts in family order, then the honest conversations. */
export const cases: Case[] = [...splitCases, ...dealtCases, ...keyCases, ...benignA, ...benignB];

/** Set 4 as the runner (test/security/extraction-heldout.heldout.ts) uses it. */
export const set4: HeldOutSet = {
  name: 'set 4 (evals/heldout/extraction-4)',
  cases,
  families,
  negatives,
  read,
  minAttempts: 30,
};
