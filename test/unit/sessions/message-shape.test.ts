import { describe, expect, it } from 'vitest';
import {
  isPlainQuestion,
  looksLikePlan,
  looksLikeQuestion,
} from '../../../src/sessions/interpret/message-shape.ts';

describe('the shape of a learner message', () => {
  it.each([
    'what is pagination?',
    'How does the offset work',
    'I added the route. Should I validate pageSize too?',
    'explain what 1-based means',
  ])('reads %j as a question', (text) => expect(looksLikeQuestion(text)).toBe(true));

  it.each(['done', 'I added the route and the tests pass.', 'Nice. Done.', '```\nwhat()?\n```'])(
    'does not read %j as a question',
    (text) => {
      expect(looksLikeQuestion(text)).toBe(false);
    },
  );

  it.each([
    'my plan: 1. add page and pageSize query params 2. validate them 3. return items with total 4. write tests',
    '1. write a failing test\n2. parse the params\n3. return the page',
    '- parse the query\n- query the database',
    "Here's my plan: parse, query, test",
  ])('reads %j as a plan', (text) => expect(looksLikePlan(text)).toBe(true));

  it.each([
    'GET /books returns one page at a time.',
    'page - 1 times pageSize is the offset',
    'I plan to start soon',
  ])('does not read %j as a plan', (text) => {
    expect(looksLikePlan(text)).toBe(false);
  });

  it('tells a plain question from a restatement that asks for confirmation', () => {
    expect(isPlainQuestion('what does 1-based mean?')).toBe(true);
    expect(isPlainQuestion('It is about returning the books one page at a time, right?')).toBe(
      false,
    );
    expect(isPlainQuestion('1. parse params 2. query 3. test?')).toBe(false);
  });
});
