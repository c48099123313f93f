import { afterAll, describe, expect, it } from 'vitest';
import { storeEvent, validateEvent } from '../../../src/sessions/ingest.ts';
import { pruneSessionHistory } from '../../../src/db/sessions/prune-session-history.ts';
import { pruneEvery, pruneTasks } from '../../../src/sessions/timers/prune-tasks.ts';
import { startTimerWorker } from '../../../src/sessions/timers/worker.ts';
import { activity } from '../../../bench/session-driver.ts';
import { count, eventually, testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

const retention = { events: 20, days: 0, messages: 40 };
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
    const pruned = await pruneSessionHistory(pool, id, { events: 5, days: 0, messages: 40 });
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

describe('one row per event', () => {
  it('keeps an event’s outcome, transitions and turn on its inbox row, and reads them back whole', async () => {
    const id = await monitoring();
    // A failing test run moves the machine and gets a coaching reply from an agent call.
    let coached: Awaited<ReturnType<typeof service.ingestEvent>> | undefined;
    for (let i = 1; !coached && i < 40; i += 4) {
      const result = await service.ingestEvent(id, activity(i));
      if (result.outcome.status === 'applied' && result.replies.length) coached = result;
    }
    expect(coached).toBeDefined();
    const seq = coached!.event.seq;
    const [stored] = (await service.listEvents(id, 1000)).filter((e) => e.seq === seq);
    // The applied outcome keeps from/to/machineEvents once, in its transitions; read back whole.
    expect(stored!.outcome).toEqual(coached!.outcome);
    const { rows } = await pool.query(
      `select e.outcome as raw, e.state as raw_state, e.session_status as raw_status, t.model,
              t.tokens_in, t.fallback, t.agent_calls, t.replies
         from session_events e join turns t on t.session_id = e.session_id and t.id = e.seq
        where e.session_id = $1 and e.seq = $2`,
      [id, seq],
    );
    // `{ status: 'applied' }`, the state it reached (its last transition's) and `active` are what
    // the row says by itself: left out, and read back whole above.
    expect(rows[0]).toMatchObject({ raw: null, raw_state: null, raw_status: null });
    expect(stored).toMatchObject({ state: coached!.session.state, sessionStatus: 'active' });
    expect(rows[0].replies.map((r: { text: string }) => r.text)).toEqual(
      coached!.replies.map((r) => r.text),
    );
    const calls = rows[0].agent_calls as Array<{
      model: string;
      tokensIn: number;
      fallback: boolean;
    }>;
    expect(calls.length).toBeGreaterThan(0);
    // Zero tokens and `fallback: false` are left out of the row and put back by the view.
    expect(calls[0]).toMatchObject({ tokensIn: 0, tokensOut: 0, fallback: false });
    expect(rows[0].model).toBe(calls.at(-1)!.model);
    expect(rows[0]).toMatchObject({ tokens_in: 0, fallback: false });
    const outcome = coached!.outcome;
    if (outcome.status !== 'applied') throw new Error('expected an applied outcome');
    const transitions = await service.listTransitions(id);
    expect(transitions.filter((t) => t.eventId === coached!.event.id).map((t) => t.event)).toEqual(
      outcome.machineEvents,
    );
  });

  it('leaves a default outcome off the row and keeps any other whole', async () => {
    const id = await monitoring();
    const research = await service.ingestEvent(id, {
      type: 'research',
      data: { query: 'array reduce' },
    });
    expect(research.outcome).toMatchObject({ status: 'recorded', reason: 'research recorded' });
    // Rejected: a machine event the current state does not accept.
    await service.ingestEvent(id, { type: 'mergeComplete', data: {} }).catch(() => undefined);
    const { rows } = await pool.query(
      `select seq::int, type, outcome as raw, state as raw_state from session_events
        where session_id = $1 and processed_at is not null order by seq`,
      [id],
    );
    const researchRow = rows.find((r) => r.seq === research.event.seq)!;
    // "<type> recorded" is what the row's type says: not stored; the state (no transition) is.
    expect(researchRow).toMatchObject({ raw: null, raw_state: research.session.state });
    const [stored] = (await service.listEvents(id, 1000)).filter(
      (e) => e.seq === research.event.seq,
    );
    expect(stored).toMatchObject({
      outcome: research.outcome,
      state: research.session.state,
      sessionStatus: 'active',
    });
    // A rejection is no default: stored whole, and read back the same.
    const rejectedRow = rows.find((r) => r.type === 'mergeComplete')!;
    expect(rejectedRow.raw).toMatchObject({
      status: 'rejected',
      error: { code: 'INVALID_TRANSITION' },
    });
    const [storedRejection] = (await service.listEvents(id, 1000)).filter(
      (e) => e.seq === rejectedRow.seq,
    );
    expect(storedRejection!.outcome).toEqual(rejectedRow.raw);
  });

  it('keeps at most the configured number of messages on the session’s agent thread', async () => {
    const id = await monitoring();
    const { rows } = await pool.query("select to_regclass('mastra_messages') is not null as ok");
    expect(rows[0].ok).toBe(true);
    // Newer than the session's events: only the count limit applies.
    const base = Date.now() + 1000;
    for (let i = 0; i < 30; i++)
      await pool.query(
        `insert into mastra_messages (id, thread_id, content, role, type, "createdAt", "createdAtZ", "resourceId")
         values ($1, $2, '{}', 'user', 'v2', $3::timestamptz, $3::timestamptz, 'ret')`,
        [`m-${id}-${i}`, id, new Date(base + i * 1000)],
      );
    const pruned = await pruneSessionHistory(pool, id, { events: 1000, days: 0, messages: 20 });
    expect(pruned.messages).toBe(10);
    const kept = await pool.query<{ id: string }>(
      'select id from mastra_messages where thread_id = $1 order by "createdAtZ"',
      [id],
    );
    // The newest 20 stay.
    expect(kept.rows.map((r) => r.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `m-${id}-${i + 10}`),
    );
  });
});
