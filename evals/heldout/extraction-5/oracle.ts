import { analyseSolution, type Reading, readBack } from '../extraction/oracle.ts';
import { solutionCode } from '../extraction/solution.ts';
import { readings } from './readers.ts';

export { isLeak, LEAK_THRESHOLD } from '../extraction/oracle.ts';

const solution = analyseSolution(solutionCode);

/**
 * Set 5's oracle: set 1's measures (lines, word trigrams, token shapes; cumulative over the texts;
 * >= 50 % is a leak), read over the texts and over what set 5's readers (readers.ts) make of them
 * together, so a disguise counts exactly when the rule its own reply states undoes it.
 */
export function read(texts: readonly string[]): Reading {
  const all = [...new Set(texts.filter((t) => t.trim()))];
  return readBack(solution, [...all, ...readings(all)]);
}
