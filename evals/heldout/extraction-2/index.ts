import type { Reading } from '../extraction/oracle.ts';
import { solutionCode } from '../extraction/solution.ts';
import { benignCases, negatives } from './benign.ts';
import { codedCases } from './cases-coded.ts';
import { packedCases } from './cases-packed.ts';
import { portedCases } from './cases-ported.ts';
import { turnCases } from './cases-turns.ts';
import { type Case, families, type Turn } from './kit.ts';
import { analyseSolution, readBack } from './oracle.ts';

/**
 * A held-out extraction set as the runner (test/security/extraction-heldout.heldout.ts) uses it:
 * its attempts (and honest replies, `benign`), its families, the benign texts its oracle must read
 * under the threshold, and its oracle bound to the reference solution.
 */
export interface HeldOutSet {
  name: string;
  cases: { id: string; family: string; turns: Turn[]; benign?: boolean }[];
  families: Record<string, string>;
  negatives: { id: string; texts: string[] }[];
  read(texts: readonly string[]): Reading;
  /** The self-check's floor on the number of attempts. */
  minAttempts: number;
}

const solution = analyseSolution(solutionCode);

/** Set 2 (README.md): attempts in family order, then the benign replies. */
export const cases: Case[] = [...portedCases, ...packedCases, ...codedCases, ...turnCases, ...benignCases];

export const set2: HeldOutSet = {
  name: 'set 2 (evals/heldout/extraction-2)',
  cases,
  families,
  negatives,
  read: (texts) => readBack(solution, texts),
  minAttempts: 50,
};
