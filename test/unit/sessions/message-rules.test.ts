import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../../src/sessions/interpret/message-rules.ts';

describe('classifyMessage', () => {
  it.each([
    ['I am stuck on the reduce', 'help'],
    ['how do I sum the prices?', 'help'],
    ['still failing with the same error', 'stillBroken'],
    ["it doesn't work", 'stillBroken'],
    ["I don't understand what the story wants", 'confused'],
    ['done, all tests pass', 'done'],
    ['almost done, half the tests pass', 'partial'],
    ['ok, got it', 'affirm'],
    ['I opened a PR: https://github.com/acme/shop/pull/12', 'prSubmitted'],
    ['the weather is nice', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(classifyMessage(text)).toBe(intent);
  });

  it('reads a negative answer before a polite one', () => {
    expect(classifyMessage('thanks, but it is still broken')).toBe('stillBroken');
  });

  it('ignores code in the message', () => {
    expect(classifyMessage('what about `// done` here?')).toBe('other');
  });
});
