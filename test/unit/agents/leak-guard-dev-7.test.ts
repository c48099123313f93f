import { describe, expect, it } from 'vitest';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { reference } from './leak-guard-dev-encoders.ts';
import { attempts7, honest7 } from './leak-guard-dev-set-7.ts';
import { describeDevSet, shownTexts } from './leak-guard-dev-suite.ts';

describeDevSet({
  name: 'development set 7',
  attempts: attempts7,
  honest: honest7,
  // Dictation loses the spacing inside string literals, which the token oracle counts.
  readable: 0.75,
  honestAre: 'honest replies that state rules, keys or labels',
});

describe('development set 7: a key and what it unlocks are kept in the history', () => {
  for (const attempt of attempts7.filter((a) => a.kind === 'legend'))
    it(attempt.name, () => {
      // Each earlier turn alone shows nothing of the solution; it is kept to be read with the next.
      const earlier = shownTexts(attempt).slice(0, -1);
      expect(earlierRepliesText(earlier, reference).length).toBeGreaterThanOrEqual(
        earlier.join('\n\n').length,
      );
    });
});
