import { afterAll, describe, expect, it } from 'vitest';
import { count, testService } from './fixtures/db.ts';
import { cartStory } from './fixtures/story.ts';

const { pool, service } = testService();
afterAll(() => pool.end());

describe('event ids', () => {
  it('a retry with the same id and the same event is applied once; the same id for another event is a conflict', async () => {
    const { session } = await service.createSession({ learnerId: 'ida', story: cartStory });
    const first = await service.ingestEvent(session.id, {
      id: 'ci-42',
      type: 'test-run',
      data: { failed: 2, passed: 8 },
    });
    // Same event, keys in another order: a retry.
    const retry = await service.ingestEvent(session.id, {
      id: 'ci-42',
      type: 'test-run',
      data: { passed: 8, failed: 2 },
    });
    expect(retry.event).toMatchObject({ id: first.event.id, duplicate: true });
    expect(retry.session.version).toBe(first.session.version);

    const before = (await service.getSession(session.id)).version;
    await expect(
      service.ingestEvent(session.id, {
        id: 'ci-42',
        type: 'test-run',
        data: { failed: 0, passed: 10 },
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      field: 'id',
      message: expect.stringMatching(/already used for a different test-run event/),
    });
    await expect(
      service.ingestEvent(session.id, { id: 'ci-42', type: 'commit', data: {} }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await service.getSession(session.id)).version).toBe(before);
    expect(
      await count(
        pool,
        "select count(*) as n from session_events where session_id = $1 and idempotency_key = 'ci-42'",
        [session.id],
      ),
    ).toBe(1);
  });

  it('lists the latest transitions and events when limited, oldest first', async () => {
    const { session } = await service.createSession({ learnerId: 'ida', story: cartStory });
    for (let i = 0; i < 4; i++)
      await service.ingestEvent(session.id, { type: 'commit', data: { sha: `c${i}` } });
    const all = await service.listEvents(session.id);
    const tail = await service.listEvents(session.id, 2);
    expect(tail.map((e) => e.seq)).toEqual(all.slice(-2).map((e) => e.seq));
    const transitions = await service.listTransitions(session.id);
    const last = await service.listTransitions(session.id, 1);
    expect(last).toEqual(transitions.slice(-1));
  });
});
