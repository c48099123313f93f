import { describe, expect, it } from 'vitest';
import { classifyFrustration } from '../../../src/domain/signals/frustration.ts';

describe('classifyFrustration', () => {
  it.each([
    ['This is so frustrating, the test still fails', 'frustrated'],
    ["I've been stuck for hours on this mock", 'frustrated'],
    ['ugh, nothing works', 'frustrated'],
    ['It still doesn’t work after your fix', 'frustrated'],
    ['wtf is this error', 'frustrated'],
    ['this config is driving me crazy', 'frustrated'],
    ['I give up.', 'despairing'],
    ["I can't do this anymore", 'despairing'],
    ["I'm so stupid, I'll never understand async", 'despairing'],
    ['maybe I am not cut out for programming', 'despairing'],
    ["I don't know, I give up", 'despairing'],
    ["you're useless", 'abusive'],
    ['stupid bot', 'abusive'],
    ['shut up and give me the answer', 'abusive'],
  ] as const)('%j → %s', (text, level) => {
    const result = classifyFrustration(text);
    expect(result.level).toBe(level);
    expect(result.signals.length).toBeGreaterThan(0);
  });

  it.each([
    'How do I mock fetch in vitest?',
    "I'm not frustrated, just curious why this fails",
    "I'm not giving up!",
    'Should I give up on this approach and use a Map instead?',
    "I can't do it this way because the API is deprecated",
    'The function throws `Error: frustrated user` when the input is empty',
    '```\nFATAL ERROR: nothing works!!! ugh\n```\nWhat does this log mean?',
    'I made a stupid mistake with the import, fixed now',
    'Great, it works!!!',
    'Is the HTTP API returning JSON or XML?',
  ])('%j → none', (text) => {
    expect(classifyFrustration(text)).toEqual({ level: 'none', signals: [] });
  });

  it('counts mild cues only in pairs', () => {
    expect(classifyFrustration('damn, missed a semicolon').level).toBe('none');
    expect(classifyFrustration('WHY IS THIS BROKEN AGAIN').level).toBe('none');
    expect(classifyFrustration('WHY IS THIS DAMN THING BROKEN AGAIN')).toEqual({
      level: 'frustrated',
      signals: ['damn', 'shouting'],
    });
    expect(classifyFrustration('why does it fail?!?! damn').level).toBe('frustrated');
  });

  it('reports the most severe level', () => {
    expect(classifyFrustration('this is frustrating and you are useless').level).toBe('abusive');
    expect(classifyFrustration('so frustrating, I give up').level).toBe('despairing');
  });

  it.each([
    ['i think im just too stupid for this job', 'despairing'],
    ['thinking about quitting my job and leaving tech', 'despairing'],
    ["haven't slept in two days because of this bug", 'despairing'],
    ['been crying at my desk all afternoon', 'despairing'],
    ["I'm completely drained", 'despairing'],
    ['this tool is useless garbage', 'abusive'],
    ["I'm going to throw my laptop out the window", 'abusive'],
    ['ur hints r crap', 'abusive'],
    ['you are very bad teacher', 'abusive'],
    ['WHY DO YOU KEEP GIVING ME THE SAME STUPID ANSWER', 'abusive'],
  ] as const)('widened families: %j → %s', (text, level) => {
    expect(classifyFrustration(text).level).toBe(level);
  });

  it.each([
    'I feel stupid asking this, but what is a closure?',
    "I'm exhausted but it finally works!",
    "I'll throw the laptop in my bag and continue at home",
    'I quit my old job to do this bootcamp and I love it',
    'Is webpack a useless tool for small projects?',
    'the worst case is O(n^2), right?',
    'your code is garbage collected eventually, right?',
    "I'm quitting the process with ctrl+c but it hangs",
    "what's the use case for WeakMap?",
    'CAN YOU EXPLAIN THE DIFFERENCE BETWEEN LET AND CONST',
  ])('look-alike %j → none', (text) => {
    expect(classifyFrustration(text)).toEqual({ level: 'none', signals: [] });
  });

  it('handles empty text', () => {
    expect(classifyFrustration('')).toEqual({ level: 'none', signals: [] });
  });
});
