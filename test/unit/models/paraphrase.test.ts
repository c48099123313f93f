import { describe, expect, it } from 'vitest';
import { relevantCriteria } from '../../../src/models/rules/criteria-match.ts';
import {
  normalizePhrases,
  paraphraseTerms,
  sameIdea,
} from '../../../src/models/rules/paraphrase.ts';
import { stem } from '../../../src/models/rules/text.ts';
import { loadStory } from '../../../tools/story-loader.ts';

describe('matching paraphrases in rules mode', () => {
  it('stems a plural like its singular', () => {
    for (const [a, b] of [
      ['parameters', 'parameter'],
      ['counters', 'counter'],
      ['headers', 'header'],
      ['validated', 'validation'],
      ['limits', 'limited'],
    ]) {
      expect(stem(a!), `${a} / ${b}`).toBe(stem(b!));
    }
  });

  it('rewrites phrases and number words the same way on both sides', () => {
    expect(
      normalizePhrases('valid for half an hour, at most five tries, 10k rows, 10,000 orders'),
    ).toBe('valid for 30 minutes, maximum 5 tries, 10000 rows, 10000 orders');
    expect(paraphraseTerms('the OS preference')).toEqual(
      paraphraseTerms('the operating system preference'),
    );
  });

  it('meets synonyms, and only them', () => {
    const [param] = paraphraseTerms('params');
    const [parameter] = paraphraseTerms('parameters');
    expect(sameIdea(param!, parameter!)).toBe(true);
    expect(sameIdea(paraphraseTerms('capped')[0]!, paraphraseTerms('limited')[0]!)).toBe(true);
    expect(sameIdea(paraphraseTerms('orders')[0]!, paraphraseTerms('sorted')[0]!)).toBe(false);
  });

  it('finds the criteria a question is about', () => {
    const { acceptanceCriteria } = loadStory('examples/stories/add-pagination.md').story;
    expect(relevantCriteria('what should the response contain?', acceptanceCriteria)).toEqual([
      acceptanceCriteria[2],
    ]);
    expect(relevantCriteria('should pageSize have a max?', acceptanceCriteria)).toEqual([
      acceptanceCriteria[1],
    ]);
    expect(relevantCriteria('what is pagination?', acceptanceCriteria)).toEqual([]);
  });
});
