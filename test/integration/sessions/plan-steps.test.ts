import { afterAll, describe, expect, it } from 'vitest';
import { planningActions, planSteps } from '../../../src/sessions/actions/planning-actions.ts';
import { newDraft } from '../../../src/sessions/turn/draft.ts';
import type { SessionRecord, StoredEvent } from '../../../src/sessions/types.ts';
import { testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

/**
 * How a plan becomes its steps: lines, bullets, numbered items, and a numbered plan typed on one
 * line ("1. … 2. … 3. …"), which is as many steps as it has numbers, not one.
 */
const { pool, service } = testService();
afterAll(() => pool.end());

describe('planSteps', () => {
  it('cuts a one-line numbered plan at its markers, "1." or "1)"', () => {
    expect(planSteps('1. Write a failing test 2. Sum the prices 3. Handle the empty cart')).toEqual(
      ['Write a failing test', 'Sum the prices', 'Handle the empty cart'],
    );
    expect(planSteps('1) write the tests 2) code it 3) refactor')).toEqual([
      'write the tests',
      'code it',
      'refactor',
    ]);
    // A lead-in ending with ":" is not a step.
    expect(planSteps('My plan: 1. tests first 2. then the code')).toEqual([
      'tests first',
      'then the code',
    ]);
  });

  it('leaves a line whole without two markers in order', () => {
    expect(planSteps('1. Write one test that covers everything')).toEqual([
      'Write one test that covers everything',
    ]);
    expect(planSteps('limit pageSize to 100. then return 400 naming it')).toEqual([
      'limit pageSize to 100. then return 400 naming it',
    ]);
    expect(planSteps('write tests for pages 2. and 3. first')).toEqual([
      'write tests for pages 2. and 3. first',
    ]);
  });

  it('reads lines, bullets and semicolons as before', () => {
    expect(planSteps(goodPlan)).toEqual([
      'Write a failing test for the total',
      'Sum the item prices',
      'Handle the empty cart as zero',
    ]);
    expect(planSteps('- write the test; - sum the prices')).toEqual([
      'write the test',
      'sum the prices',
    ]);
  });
});

describe('an approved plan', () => {
  it('typed on one line with numbers has as many steps as numbers', async () => {
    const { session } = await service.createSession({ learnerId: 'ana', story: cartStory });
    await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: restatement },
    });
    const planned = await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: goodPlan.replace(/\n/g, ' ') },
    });
    expect(planned.session.state).toBe('START_IMPLEMENTATION');
    expect(planned.replies.map((r) => r.text).join('\n')).toContain('Plan approved: 3 steps.');
    expect((await service.getSession(session.id)).currentTask).toBe(
      'Write a failing test for the total',
    );
  });

  it('of one step says "1 step"', () => {
    const session = {
      id: 's1',
      statePath: ['APPROVE_PLAN'],
      context: { lastMessage: '1. Write the total with its tests' },
      story: cartStory,
    } as unknown as SessionRecord;
    const draft = newDraft(session, { seq: 1 } as StoredEvent, new Date());
    planningActions.approvePlan({ draft, deps: {} as never, action: 'approvePlan', data: {} });
    expect(draft.replies.map((r) => r.text)).toEqual(['Plan approved: 1 step.']);
    expect(draft.context.plan).toEqual(['Write the total with its tests']);
  });
});
