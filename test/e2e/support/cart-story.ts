/**
 * The cart story and a learner's path through it in rules mode, as API calls: the messages and
 * events that move the story machine from ASSESS_JUNIOR_CAPABILITY to STORY_COMPLETE, each with the
 * state it leads to.
 */
export const cartStory = {
  title: 'Add a cart total',
  description: 'Show the total price of the items in the shopping cart.',
  acceptanceCriteria: ['The total sums the item prices', 'An empty cart has a total of zero'],
  complexity: 'simple',
};

/** The same story as a markdown document (front matter + sections), as `POST /sessions` accepts it. */
export const cartStoryMarkdown = `---
id: cart-total
title: Add a cart total
complexity: simple
concepts: [array-methods, unit-testing]
---

# Add a cart total

Show the total price of the items in the shopping cart.

## Acceptance criteria

- The total sums the item prices
- An empty cart has a total of zero
`;

export const restatement =
  'I must show the total price of the cart items: the total sums the item prices and an empty cart total is zero.';
export const goodPlan =
  '1. Write a failing test for the total\n2. Sum the item prices\n3. Handle the empty cart as zero';

export type Step =
  | { kind: 'message'; text: string; to: string }
  | { kind: 'event'; type: string; data: Record<string, unknown>; to: string };

const message = (text: string, to: string): Step => ({ kind: 'message', text, to });
const event = (type: string, data: Record<string, unknown>, to: string): Step => ({
  kind: 'event',
  type,
  data,
  to,
});

/** From the state a new session is in, to STORY_COMPLETE. */
export const cartStorySteps: Step[] = [
  message(restatement, 'PLAN_DECOMPOSITION'),
  message(goodPlan, 'START_IMPLEMENTATION'),
  event('test-run', { failed: 0, passed: 1 }, 'CONTINUE_MONITORING'),
  event('commit', { sha: 'a1', diffHash: 'd1' }, 'CONTINUE_MONITORING'),
  message('done, the sum works', 'CONTINUE_MONITORING'),
  event('test-run', { failed: 0, passed: 4 }, 'DETERMINE_OUTCOME'),
  event('coverage', { lines: 96 }, 'DETERMINE_OUTCOME'),
  event('lint', { errorCount: 0 }, 'DETERMINE_OUTCOME'),
  event('typecheck', { errorCount: 0 }, 'DETERMINE_OUTCOME'),
  event('build', { success: true }, 'DETERMINE_OUTCOME'),
  event('security-scan', { counts: { low: 0 } }, 'PREPARE_CODE_REVIEW'),
  event(
    'review-feedback',
    { decision: 'submitted', prUrl: 'https://git.example/pull/1' },
    'MONITOR_REVIEW',
  ),
  event('review-feedback', { decision: 'approved' }, 'MERGE_AND_COMPLETE'),
  event('review-feedback', { decision: 'merged' }, 'STORY_COMPLETE'),
];
