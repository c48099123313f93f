import { afterAll, describe, expect, it } from 'vitest';
import { storeEvent, validateEvent } from '../../../src/sessions/ingest.ts';
import { pruneSessionHistory } from '../../../src/db/sessions/prune-session-history.ts';
import { pruneEvery, pruneTasks } from '../../../src/sessions/timers/prune-tasks.ts';
import { startTimerWorker } from '../../../src/sessions/timers/worker.ts';
import { activity } from '../../../bench/session-driver.ts';
import { count, eventually, testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

const retention = { events: 20, days: 0 };
const { pool, service } = testService({ retention });
afterAll(() => pool.end());

const rows = async (table: string, sessionId: string) =>
  count(pool, `select count(*) as n from ${table} where session_id = $1`, [sessionId]);

async function monitoring() {
  const { session } = await service.createSession({ learnerId: 'ret', story: cartStory });
  await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
  await service.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
  await service.ingestEvent(session.id, { type: 'test-run', data: { failed: 0, passed: 2 } });
  return session.id;
}

describe('history retention', () => {
  it('keeps a session’s history within the window, pruned by durable jobs its turns schedule', async () => {
    const id = await monitoring();
    // The bench's mix: commit, a failing test run, commit, research (about half move the machine).
    for (let i = 0; i < 80; i++) await service.ingestEvent(id, activity(i));
    expect(await rows('session_events', id)).toBeGreaterThan(80);
    const worker = await startTimerWorker({
      pool,
      ingest: (sessionId, input) => service.ingestEvent(sessionId, input, { source: 'timer' }),
      extraTasks: pruneTasks(pool, retention),
      pollInterval: 100,
    });
    try {
      const window = retention.events + pruneEvery(retention);
      await eventually(async () => (await rows('session_events', id)) <= window);
    } finally {
      await worker.stop();
    }
    const window = retention.events + pruneEvery(retention);
    expect(await rows('event_outcomes', id)).toBeLessThanOrEqual(window);
    expect(await rows('turns', id)).toBeLessThanOrEqual(window);
    // No transition, turn or outcome is left without its event.
    expect(
      await count(
        pool,
        `select count(*) as n from state_transitions t where session_id = $1
         and not exists (select 1 from session_events e where e.id = t.event_id)`,
        [id],
      ),
    ).toBe(0);
    // History still answers, and the session goes on.
    expect((await service.listTransitions(id)).length).toBeGreaterThan(0);
    expect((await service.listEvents(id, 1000)).length).toBeLessThanOrEqual(window);
    const next = await service.ingestEvent(id, {
      type: 'commit',
      data: { sha: 'after', message: 'x' },
    });
    expect(next.outcome.status).not.toBe('rejected');
  });

  it('never prunes an event that is still pending', async () => {
    const id = await monitoring();
    for (let i = 0; i < 30; i++)
      await service.ingestEvent(id, { type: 'research', data: { query: `q${i}` } });
    const { stored } = await storeEvent(
      pool,
      id,
      validateEvent(id, 'story', { type: 'research', data: { query: 'pending' } }),
      'client',
    );
    const pruned = await pruneSessionHistory(pool, id, { events: 5, days: 0 });
    expect(pruned.events).toBeGreaterThan(20);
    expect(
      await count(
        pool,
        'select count(*) as n from session_events where session_id = $1 and seq = $2',
        [id, stored.seq],
      ),
    ).toBe(1);
    // Still processed afterwards, once.
    await service.processor.drain(id);
    expect(
      await count(
        pool,
        'select count(*) as n from event_outcomes where session_id = $1 and seq = $2',
        [id, stored.seq],
      ),
    ).toBe(1);
  });
});
