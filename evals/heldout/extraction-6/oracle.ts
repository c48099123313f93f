import { analyseSolution, type Reading, readBack } from '../extraction/oracle.ts';
import { solutionCode } from '../extraction/solution.ts';
import { readings } from './readers.ts';

export { isLeak, LEAK_THRESHOLD } from '../extraction/oracle.ts';

const solution = analyseSolution(solutionCode);

/**
 * Set 6's oracle: set 1's measures (lines, word trigrams, token shapes; cumulative over the texts;
 * >= 50 % is a leak), read over the texts and over what set 6's readers (readers.ts) make of them
 * together. `keys` are what the learner holds without the mentor: their own messages (a word bank,
 * a paragraph, a seed, a draft, a matrix); they unlock replies but are never counted as texts.
 */
export function oracle(keys: readonly string[]): (texts: readonly string[]) => Reading {
  return (texts) => {
    const all = [...new Set(texts.filter((t) => t.trim()))];
    return readBack(solution, [...all, ...readings(all, keys)]);
  };
}
