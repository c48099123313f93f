import { afterAll, describe, expect, it } from 'vitest';
import { defaultAgentPort } from '../../../src/sessions/agent-port.ts';
import { testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

const { pool, service } = testService({ agents: defaultAgentPort });
afterAll(() => pool.end());

describe('the default agent port', () => {
  it('runs the agents module (rules models offline) behind the same turns', async () => {
    const { session } = await service.createSession({ learnerId: 'ola', story: cartStory });
    const understood = await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: restatement },
    });
    // The assessor's rules model sees both acceptance criteria in the restatement.
    expect(understood.session.state).toBe('PLAN_DECOMPOSITION');
    const assessment = understood.replies.find((r) => r.action === 'assessUnderstanding')!;
    expect(assessment).toMatchObject({ source: 'agent', model: expect.stringMatching(/^rules\//) });
    const { rows } = await pool.query('select agent_calls, model from turns where event_id = $1', [
      understood.event.id,
    ]);
    expect(rows[0].agent_calls[0]).toMatchObject({
      action: 'assessUnderstanding',
      fallback: false,
    });
    const planned = await service.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: goodPlan },
    });
    expect(
      planned.replies.some(
        (r) =>
          r.action === 'reviewPlan' && r.source === 'agent' && r.text.startsWith('(rules mode)'),
      ),
    ).toBe(true);
    expect(['START_IMPLEMENTATION', 'REFINE_PLAN', 'CORRECT_PLAN']).toContain(
      planned.session.state,
    );
  });
});
