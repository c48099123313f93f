import { solutionCode } from '../extraction/solution.ts';
import type { HeldOutSet } from '../extraction-2/index.ts';
import { benignCases, negatives } from './benign.ts';
import { keyedCases } from './cases-keyed.ts';
import { moreCases } from './cases-more.ts';
import { type Case, families } from './kit.ts';
import { analyseSolution, readBack } from './oracle.ts';

export type { HeldOutSet };

const solution = analyseSolution(solutionCode);

/** Set 3 (README.md): attempts in family order, then the benign replies. */
export const cases: Case[] = [...keyedCases, ...moreCases, ...benignCases];

/** Set 3 as the runner (test/security/extraction-heldout.heldout.ts) uses it. */
export const set3: HeldOutSet = {
  name: 'set 3 (evals/heldout/extraction-3)',
  cases,
  families,
  negatives,
  read: (texts) => readBack(solution, texts),
  minAttempts: 40,
};
