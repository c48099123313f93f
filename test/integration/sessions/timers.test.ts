import { afterAll, describe, expect, it } from 'vitest';
import { startTimerWorker, type TimerWorker } from '../../../src/sessions/timers/worker.ts';
import type { SessionService } from '../../../src/sessions/service.ts';
import { spawnChild } from './fixtures/child.ts';
import { count, eventually, testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

// 15 min × 0.002 = 1.8 s (step timers); stuck 1 h = 7.2 s; no progress 2 h = 14.4 s.
const TIME_SCALE = 0.002;
const STEP_MS = 15 * 60_000 * TIME_SCALE;
const { pool, service } = testService({ timeScale: TIME_SCALE });
const workers: TimerWorker[] = [];
afterAll(async () => {
  for (const w of workers) await w.stop();
  await pool.end();
});

async function worker(svc: SessionService = service): Promise<TimerWorker> {
  const w = await startTimerWorker({
    pool,
    ingest: (id, input) => svc.ingestEvent(id, input, { source: 'timer' }),
    pollInterval: 100,
  });
  workers.push(w);
  return w;
}

const timeouts = (id: string) =>
  pool.query<{
    received_at: Date;
    idempotency_key: string;
    source: string;
    outcome: { status: string };
  }>(
    "select e.received_at, e.idempotency_key, e.source, o.outcome from session_events e left join event_outcomes o using (session_id, seq) where e.session_id = $1 and e.type = 'timeout' order by e.seq",
    [id],
  );

describe('durable timers', () => {
  it('fires a scaled timeout as a timeout event through the inbox, once', async () => {
    await worker();
    const started = Date.now();
    const { session } = await service.createSession({ learnerId: 'gus', story: cartStory });
    const step = (await service.listTimers(session.id)).find((t) => t.kind === 'step')!;
    expect(step).toMatchObject({ event: 'timeout', job: { key: `session:${session.id}:step` } });
    expect(Date.parse(step.dueAt) - started).toBeGreaterThanOrEqual(STEP_MS - 50);
    await eventually(
      async () => (await service.getSession(session.id)).state === 'ESCALATE_DIFFICULTY',
    );
    const fired = (await timeouts(session.id)).rows;
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      source: 'timer',
      idempotency_key: `timer:step:${step.token}`,
      outcome: { status: 'applied' },
    });
    expect(fired[0]!.received_at.getTime() - started).toBeGreaterThanOrEqual(STEP_MS - 50);
    // ESCALATE_DIFFICULTY notifies the mentor (or a human when there is none).
    expect(
      await count(
        pool,
        "select count(*) as n from notifications where session_id = $1 and kind = 'mentor-attention'",
        [session.id],
      ),
    ).toBe(1);
  });

  it('re-arms the step timer on activity', async () => {
    await worker();
    const { session } = await service.createSession({ learnerId: 'gus', story: cartStory });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
    await service.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
    const armed = (await service.listTimers(session.id)).find((t) => t.kind === 'step')!;
    let lastActivity = Date.now();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, STEP_MS / 2));
      await service.ingestEvent(session.id, {
        type: 'commit',
        data: { sha: `c${i}`, diffHash: `d${i}` },
      });
      lastActivity = Date.now();
    }
    // Past the first due time, thanks to activity, no timeout yet.
    expect(Date.now()).toBeGreaterThan(Date.parse(armed.dueAt));
    expect((await timeouts(session.id)).rows).toHaveLength(0);
    const moved = (await service.listTimers(session.id)).find((t) => t.kind === 'step')!;
    expect(Date.parse(moved.dueAt)).toBeGreaterThan(Date.parse(armed.dueAt));
    const fired = await eventually(async () =>
      (await timeouts(session.id)).rows.find((r) => r.outcome?.status === 'applied'),
    );
    expect(fired.received_at.getTime() - lastActivity).toBeGreaterThanOrEqual(STEP_MS - 100);
    // START_IMPLEMENTATION --timeout--> DIAGNOSE_BLOCKER; with nothing to go on the rules diagnosis asks.
    const log = await service.listTransitions(session.id);
    expect(log.filter((t) => t.event === 'timeout').map((t) => `${t.from}>${t.to}`)).toEqual([
      'START_IMPLEMENTATION>ANALYZE_STATE',
    ]);
    expect((await service.getSession(session.id)).state).toBe('REQUEST_CLARIFICATION');
  });

  it('removes the timers on cancel', async () => {
    await worker();
    const { session } = await service.createSession({ learnerId: 'gus', story: cartStory });
    expect(
      await count(pool, 'select count(*) as n from graphile_worker.jobs where key like $1', [
        `session:${session.id}:%`,
      ]),
    ).toBe(3);
    await service.ingestEvent(session.id, { type: 'cancel', data: { reason: 'wrong story' } });
    expect(await service.listTimers(session.id)).toEqual([]);
    expect(
      await count(pool, 'select count(*) as n from graphile_worker.jobs where key like $1', [
        `session:${session.id}:%`,
      ]),
    ).toBe(0);
    await new Promise((r) => setTimeout(r, STEP_MS + 400));
    expect((await timeouts(session.id)).rows).toHaveLength(0);
    expect((await service.getSession(session.id)).status).toBe('cancelled');
  });

  it('fires a timer that came due while no worker ran at the next start', async () => {
    for (const w of workers.splice(0)) await w.stop();
    const { session } = await service.createSession({ learnerId: 'hal', story: cartStory });
    await new Promise((r) => setTimeout(r, STEP_MS + 300));
    expect((await timeouts(session.id)).rows).toHaveLength(0);
    const startedAt = Date.now();
    await worker();
    await eventually(
      async () => (await service.getSession(session.id)).state === 'ESCALATE_DIFFICULTY',
    );
    expect(Date.now() - startedAt).toBeLessThan(3000);
  });

  it('does not double fire with two worker processes', async () => {
    for (const w of workers.splice(0)) await w.stop();
    const env = { TIME_SCALE: String(TIME_SCALE) };
    const a = spawnChild(['worker', '4500'], env);
    const b = spawnChild(['worker', '4500'], env);
    await Promise.all([a.waitFor(/READY/), b.waitFor(/READY/)]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (await service.createSession({ learnerId: `ivy${i}`, story: cartStory })).session.id,
      );
    await eventually(async () => {
      const states = await Promise.all(ids.map(async (id) => (await service.getSession(id)).state));
      return states.every((s) => s === 'ESCALATE_DIFFICULTY');
    });
    await Promise.all([a.exited, b.exited]);
    const fires = [
      ...a.output().matchAll(/FIRED (\S+) step (\S+)/g),
      ...b.output().matchAll(/FIRED (\S+) step (\S+)/g),
    ].map((m) => m[1]);
    expect(fires.sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await timeouts(id)).rows).toHaveLength(1);
    // Both processes did work (each registered itself and took jobs from the same queue).
    expect(a.output()).toMatch(/READY \S+/);
    expect(b.output()).toMatch(/READY \S+/);
  }, 30_000);
});
