import { afterAll, describe, expect, it } from 'vitest';
import { createSessionService } from '../../../src/sessions/service.ts';
import { defaultAgentPort } from '../../../src/sessions/agent-port.ts';
import { count, testService } from './fixtures/db.ts';
import { cartStory, restatement } from './fixtures/story.ts';

const { pool, service } = testService();
afterAll(() => pool.end());

const snapshot = async (id: string) => {
  const s = await service.getSession(id);
  return {
    state: s.state,
    version: s.version,
    status: s.status,
    context: (await pool.query('select context from sessions where id = $1', [id])).rows[0].context,
  };
};

describe('ingest validation', () => {
  it('rejects an unknown type naming `type`, stores nothing, changes nothing', async () => {
    const { session } = await service.createSession({ learnerId: 'ben', story: cartStory });
    const before = await snapshot(session.id);
    await expect(
      service.ingestEvent(session.id, { type: 'teleport', data: {} }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'type', status: 400 });
    expect(await snapshot(session.id)).toEqual(before);
    expect(
      await count(
        pool,
        "select count(*) as n from session_events where session_id = $1 and type = 'teleport'",
        [session.id],
      ),
    ).toBe(0);
  });

  it('rejects bad data naming `data.<field>`', async () => {
    const { session } = await service.createSession({ learnerId: 'ben', story: cartStory });
    const before = await snapshot(session.id);
    await expect(
      service.ingestEvent(session.id, { type: 'learner-message', data: { text: 42 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'data.text' });
    await expect(
      service.ingestEvent(session.id, { type: 'test-run', data: { failed: -1 } }),
    ).rejects.toMatchObject({ field: 'data.failed' });
    await expect(
      service.ingestEvent(session.id, {
        type: 'coverage',
        data: { report: '{"total": {"lines": {"pct": "x"}}}' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: expect.stringMatching(/^data\.report/),
    });
    await expect(
      service.ingestEvent(session.id, { type: 'review-feedback', data: { decision: 'maybe' } }),
    ).rejects.toMatchObject({ field: 'data.decision' });
    await expect(
      service.ingestEvent(session.id, { type: 'commit', data: 'x' }),
    ).rejects.toMatchObject({ field: 'data' });
    expect(await snapshot(session.id)).toEqual(before);
  });

  it('rejects an event invalid in the state with the allowed events, persisting the rejection', async () => {
    const { session } = await service.createSession({ learnerId: 'ben', story: cartStory });
    const before = await snapshot(session.id);
    const attempt = service.ingestEvent(session.id, {
      id: 'early-merge',
      type: 'mergeComplete',
      data: {},
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      status: 409,
      details: {
        allowedEvents: expect.arrayContaining([
          'correctUnderstanding',
          'partialUnderstanding',
          'misunderstanding',
          'timeout',
        ]),
      },
    });
    expect(await snapshot(session.id)).toEqual(before);
    const { rows } = await pool.query(
      "select o.outcome, o.version from session_events e join event_outcomes o using (session_id, seq) where e.session_id = $1 and e.idempotency_key = 'early-merge'",
      [session.id],
    );
    expect(rows[0].outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(Number(rows[0].version)).toBe(before.version);
    // The same id again: the stored rejection, flagged as a duplicate.
    await expect(
      service.ingestEvent(session.id, { id: 'early-merge', type: 'mergeComplete' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION', details: { duplicate: true } });
    expect(
      await count(pool, 'select count(*) as n from state_transitions where session_id = $1', [
        session.id,
      ]),
    ).toBe(1);
  });

  it('rejects a guarded lifecycle event when the guard fails', async () => {
    const { session } = await service.createSession({
      learnerId: 'ben',
      story: cartStory,
      machine: 'lifecycle',
      mentorId: 'busy-mentor',
    });
    await service.ingestEvent(session.id, { type: 'START' });
    await expect(
      service.ingestEvent(session.id, { type: 'COMPLETE_ASSESSMENT', data: {} }),
    ).rejects.toMatchObject({ code: 'GUARD_REJECTED' });
    expect((await service.getSession(session.id)).state).toBe('ASSESSMENT_PENDING');
  });

  it('answers NOT_FOUND for an unknown session', async () => {
    await expect(
      service.ingestEvent('00000000-0000-4000-8000-000000000000', { type: 'commit' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.getSession('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('exactly once, in order', () => {
  it('applies 10 concurrent deliveries of the same event once', async () => {
    const { session } = await service.createSession({ learnerId: 'cat', story: cartStory });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.ingestEvent(session.id, {
          id: 'restate-1',
          type: 'learner-message',
          data: { text: restatement },
        }),
      ),
    );
    expect(results.filter((r) => !r.event.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(new Set(results.map((r) => `${r.session.state}@${r.session.version}`))).toEqual(
      new Set(['PLAN_DECOMPOSITION@2']),
    );
    expect(
      await count(
        pool,
        "select count(*) as n from session_events where session_id = $1 and idempotency_key = 'restate-1'",
        [session.id],
      ),
    ).toBe(1);
    expect(
      await count(
        pool,
        "select count(*) as n from state_transitions where session_id = $1 and event = 'correctUnderstanding'",
        [session.id],
      ),
    ).toBe(1);
    expect((await service.getSession(session.id)).version).toBe(2);
  });

  it('applies 50 concurrent different events all, in arrival order, versions strictly increasing', async () => {
    const { session } = await service.createSession({ learnerId: 'dan', story: cartStory });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        service.ingestEvent(session.id, {
          id: `r-${i}`,
          type: 'research',
          data: { query: `topic ${i}` },
        }),
      ),
    );
    expect(results.every((r) => !r.event.duplicate && r.outcome.status === 'recorded')).toBe(true);
    const { rows } = await pool.query<{ seq: string; version: string }>(
      "select e.seq, o.version from session_events e join event_outcomes o using (session_id, seq) where e.session_id = $1 and e.type = 'research' order by e.seq",
      [session.id],
    );
    expect(rows).toHaveLength(50);
    const versions = rows.map((r) => Number(r.version));
    // Arrival order (seq) is application order: versions follow seq, strictly increasing, no gaps.
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => versions[0]! + i));
    expect((await service.getSession(session.id)).version).toBe(versions[49]);
  });

  it('keeps exactly-once when two processors (as two processes) race on one session', async () => {
    const other = createSessionService({ pool, agents: defaultAgentPort });
    const { session } = await service.createSession({ learnerId: 'eve', story: cartStory });
    const sends = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? service : other).ingestEvent(session.id, {
        id: `x-${i % 20}`,
        type: 'research',
        data: { query: String(i % 20) },
      }),
    );
    const results = await Promise.all(sends);
    expect(results.filter((r) => !r.event.duplicate)).toHaveLength(20);
    const { rows } = await pool.query<{ version: string }>(
      "select o.version from session_events e join event_outcomes o using (session_id, seq) where e.session_id = $1 and e.type = 'research' order by e.seq",
      [session.id],
    );
    const versions = rows.map((r) => Number(r.version));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(20);
    expect((await service.getSession(session.id)).version).toBe(21);
  });
});

describe('sessions', () => {
  it('lists a learner’s sessions and keeps the reference solution apart', async () => {
    const a = await service.createSession({ learnerId: 'fay', story: cartStory });
    const b = await service.createSession({
      learnerId: 'fay',
      story: { ...cartStory, title: 'Second story' },
      machine: 'lifecycle',
    });
    const list = await service.listLearnerSessions('fay');
    expect(list.map((s) => s.id).sort()).toEqual([a.session.id, b.session.id].sort());
    expect(list.find((s) => s.id === b.session.id)).toMatchObject({
      machine: 'lifecycle',
      state: 'INITIALIZING',
      allowedEvents: ['START', 'CANCEL'],
    });
    const { rows } = await pool.query(
      'select reference_solution from story_solutions where session_id = $1',
      [a.session.id],
    );
    expect(rows[0].reference_solution).toContain('reduce');
    expect(JSON.stringify(list)).not.toContain('reduce');
  });

  it('validates createSession input', async () => {
    await expect(service.createSession({ learnerId: '', story: cartStory })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'learnerId',
    });
    await expect(
      service.createSession({ learnerId: 'x', story: { ...cartStory, acceptanceCriteria: [] } }),
    ).rejects.toMatchObject({ field: 'story.acceptanceCriteria' });
    await expect(
      service.createSession({ learnerId: 'x', story: cartStory, machine: 'other' as 'story' }),
    ).rejects.toMatchObject({ field: 'machine' });
  });

  it('a turn that fails on a bug is recorded and skipped: 422 (not 5xx), once, the same again on a repeat', async () => {
    let broken = false;
    const failing = testService({
      pool,
      // A bug in the turn's actions (not a database error, which is retried).
      beforeAction: async () => {
        if (broken) throw new TypeError('a bug in the turn');
      },
    }).service;
    const { session } = await failing.createSession({ learnerId: 'ben', story: cartStory });
    broken = true;
    const send = () =>
      failing.ingestEvent(session.id, {
        id: 'restated',
        type: 'learner-message',
        data: { text: restatement },
      });
    for (const duplicate of [false, true])
      await expect(send()).rejects.toMatchObject({
        code: 'UNPROCESSABLE',
        status: 422,
        details: { duplicate },
      });
    // The session goes on: the next event is processed.
    broken = false;
    const next = await failing.ingestEvent(session.id, { type: 'research', data: { query: 'x' } });
    expect(next.outcome.status).not.toBe('rejected');
    expect(
      await count(pool, 'select count(*) as n from event_outcomes where session_id = $1', [
        session.id,
      ]),
    ).toBe(3);
  });
});
