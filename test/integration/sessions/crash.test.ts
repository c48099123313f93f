import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeEvent, validateEvent } from '../../../src/sessions/ingest.ts';
import { defaultAgentPort } from '../../../src/sessions/agent-port.ts';
import { commitTurn } from '../../../src/sessions/store/commit.ts';
import { selectSession } from '../../../src/sessions/store/session-store.ts';
import { computeTurn } from '../../../src/sessions/turn/compute-turn.ts';
import { spawnChild } from './fixtures/child.ts';
import { count, eventually, testService } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

const { pool, service } = testService();
afterAll(() => pool.end());
const dir = mkdtempSync(join(tmpdir(), 'mentorflow-crash-'));

/**
 * A child process stores a help request and starts its turn; the turn blocks in the provideHint
 * action (test hook) and the child is SIGKILLed there. A new process then recovers.
 */
async function crashMidTurn(runner: 'direct' | 'workflow') {
  const { session } = await service.createSession({ learnerId: 'kim', story: cartStory });
  await service.ingestEvent(session.id, { type: 'learner-message', data: { text: restatement } });
  await service.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
  const before = await service.getSession(session.id);
  const marker = join(dir, `${runner}-${session.id}`);
  const child = spawnChild(
    [
      'ingest',
      runner,
      session.id,
      JSON.stringify({ id: 'help-1', type: 'help-request', data: { topic: 'reduce' } }),
    ],
    {
      MENTORFLOW_TEST_BLOCK_ACTION: `provideHint:${marker}`,
    },
  );
  await eventually(async () => existsSync(marker), 30_000);
  child.child.kill('SIGKILL');
  expect(await child.exited).toBe('SIGKILL');
  const eventId = readFileSync(marker, 'utf8');

  // Accepted (persisted) but not applied: the session is as it was.
  const { rows } = await pool.query(
    'select o.processed_at from session_events e left join event_outcomes o using (session_id, seq) where e.id = $1',
    [eventId],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].processed_at).toBeNull();
  expect((await service.getSession(session.id)).version).toBe(before.version);
  return { sessionId: session.id, eventId, before };
}

async function recover() {
  const child = spawnChild(['recover']);
  const [, json] = await child.waitFor(/RECOVERED (\{.*\})/, 30_000);
  await child.exited;
  return JSON.parse(json!) as { sessions: number; failures: number };
}

async function expectAppliedOnce(sessionId: string, eventId: string, version: number) {
  expect(
    await count(pool, 'select count(*) as n from state_transitions where event_id = $1', [eventId]),
  ).toBe(1);
  expect(await count(pool, 'select count(*) as n from turns where event_id = $1', [eventId])).toBe(
    1,
  );
  const after = await service.getSession(sessionId);
  expect(after).toMatchObject({ state: 'PROVIDE_HINT', version: version + 1 });
  // The session carries on.
  const next = await service.ingestEvent(sessionId, {
    type: 'learner-message',
    data: { text: 'thanks, got it' },
  });
  expect(next.session.state).toBe('RESUME_IMPLEMENTATION');
}

describe('crash in the middle of a turn', () => {
  it('processes the event exactly once after a restart (direct turns)', async () => {
    const { sessionId, eventId, before } = await crashMidTurn('direct');
    const report = await recover();
    expect(report).toMatchObject({ sessions: 1, failures: 0 });
    await expectAppliedOnce(sessionId, eventId, before.version);
    // Recovery again finds nothing to do; a redelivery of the event is a duplicate.
    expect(await recover()).toMatchObject({ sessions: 0, failures: 0 });
    const again = await service.ingestEvent(sessionId, {
      id: 'help-1',
      type: 'help-request',
      data: { topic: 'reduce' },
    });
    expect(again.event).toMatchObject({ id: eventId, duplicate: true });
    expect(
      await count(pool, 'select count(*) as n from state_transitions where event_id = $1', [
        eventId,
      ]),
    ).toBe(1);
  }, 60_000);

  it('recomputes a mentor-turn run cut short by the kill, applying its event once (workflow turns)', async () => {
    const mentorTurnRuns = () =>
      count(
        pool,
        "select count(*) as n from mastra_workflow_snapshot where workflow_name like 'mentor-%'",
      );
    const { sessionId, eventId, before } = await crashMidTurn('workflow');
    // The run was in the implementation group's actions (PROVIDE_HINT) when killed: it persisted
    // nothing, so nothing of it needs restarting; its event is still pending in the inbox.
    expect(await mentorTurnRuns()).toBe(0);
    const report = await recover();
    expect(report).toMatchObject({ sessions: 1, failures: 0 });
    await expectAppliedOnce(sessionId, eventId, before.version);
    expect(await mentorTurnRuns()).toBe(0);
  }, 60_000);

  it('keeps effects once when a turn computed twice races for the commit', async () => {
    const { session } = await service.createSession({
      learnerId: 'kim',
      story: cartStory,
      mentorId: 'mo',
    });
    const validated = validateEvent(session.id, 'story', { id: 'late', type: 'timeout', data: {} });
    const { stored } = await storeEvent(pool, session.id, validated, 'client');
    const record = (await selectSession(pool, session.id))!;
    const deps = { pool, agents: defaultAgentPort, timeScale: 1, recent: [] };
    // Two processes computed the same turn from the same version: both would notify the mentor.
    const [a, b] = await Promise.all([
      computeTurn(record, stored, deps),
      computeTurn(record, stored, deps),
    ]);
    expect(a.commit.notifications).toHaveLength(1);
    const results = await Promise.all([commitTurn(pool, a.commit), commitTurn(pool, b.commit)]);
    expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'ok']);
    expect(
      await count(pool, 'select count(*) as n from state_transitions where event_id = $1', [
        stored.id,
      ]),
    ).toBe(1);
    expect(
      await count(pool, 'select count(*) as n from notifications where event_id = $1', [stored.id]),
    ).toBe(1);
    expect(await service.getSession(session.id)).toMatchObject({
      state: 'ESCALATE_DIFFICULTY',
      version: record.version + 1,
    });
  });
});
