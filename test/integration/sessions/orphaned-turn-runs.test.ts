import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { count } from './fixtures/db.ts';
import { cartStory, goodPlan, restatement } from './fixtures/story.ts';

const { createApp } = await import('../../../src/app.ts');
const { loadConfig } = await import('../../../src/config/index.ts');
const { storeEvent, validateEvent } = await import('../../../src/sessions/ingest.ts');
const { recoverSessions } = await import('../../../src/sessions/recovery.ts');
const { MENTOR_TURN_WORKFLOW, turnRunId, workflowTurnRunner } = await import(
  '../../../src/sessions/workflow-runner.ts'
);
const app = await createApp(loadConfig());
const { mastra } = app;

afterAll(() => app.close());

const pool = app.database.pool;
/** Writes the `pending` row as Mastra did before `skipPendingSnapshot` (rows still in old databases). */
const legacyPending = { shouldPersistSnapshot: () => true };
const workflow = mastra.getWorkflow(MENTOR_TURN_WORKFLOW);

/** The snapshot status of a mentor-turn run, or undefined when it has no row. */
async function snapshotStatus(runId: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ status: string }>(
    `select snapshot->>'status' as status from mastra_workflow_snapshot
     where workflow_name = 'mentor-turn' and run_id = $1`,
    [runId],
  );
  return rows[0]?.status;
}

const pendingTurnRuns = () =>
  count(
    pool,
    `select count(*) as n from mastra_workflow_snapshot
     where workflow_name = 'mentor-turn' and snapshot->>'status' = 'pending'`,
  );

const transitionsOf = (eventId: string) =>
  count(pool, 'select count(*) as n from state_transitions where event_id = $1', [eventId]);

/** A story session with one accepted, unprocessed learner message (as a crash leaves it). */
async function sessionWithStoredEvent(text: string) {
  const service = app.sessions;
  const { session } = await service.createSession({ learnerId: 'oli', story: cartStory });
  const event = validateEvent(session.id, 'story', { type: 'learner-message', data: { text } });
  const { stored } = await storeEvent(pool, session.id, event, 'client');
  return { service, sessionId: session.id, eventId: stored.id, seq: stored.seq };
}

describe('mentor-turn runs a killed process left pending', () => {
  it('recovery applies the event once and deletes the pending snapshot', async () => {
    const { service, sessionId, eventId } = await sessionWithStoredEvent(restatement);
    // What a process killed between createRun() and start() left before the workflows stopped writing
    // `pending` rows: such a row, and no outcome.
    await workflow.createRun({
      runId: turnRunId(eventId),
      resourceId: sessionId,
      ...legacyPending,
    });
    expect(await snapshotStatus(turnRunId(eventId))).toBe('pending');

    const report = await recoverSessions(service, mastra);
    expect(report).toMatchObject({ failures: 0, droppedRuns: 1 });
    expect(await transitionsOf(eventId)).toBe(1);
    expect(await snapshotStatus(turnRunId(eventId))).toBeUndefined();
    expect(await pendingTurnRuns()).toBe(0);

    // Again: nothing left to do, and the event is still applied once.
    expect(await recoverSessions(service, mastra)).toMatchObject({ droppedRuns: 0, failures: 0 });
    expect(await transitionsOf(eventId)).toBe(1);
    expect((await service.getSession(sessionId)).state).toBe('PLAN_DECOMPOSITION');
  });

  it('deletes a pending run whose event a later turn applied, keeps the others', async () => {
    const { service, sessionId, eventId } = await sessionWithStoredEvent(restatement);
    // A later event's turn drains the session: the first event is applied without its own run.
    await service.ingestEvent(sessionId, { type: 'learner-message', data: { text: goodPlan } });
    expect(await transitionsOf(eventId)).toBe(1);
    await workflow.createRun({
      runId: turnRunId(eventId),
      resourceId: sessionId,
      ...legacyPending,
    });
    // Not an event's turn run with an outcome: an unknown event, and a run named otherwise.
    const unknown = turnRunId(randomUUID());
    await workflow.createRun({ runId: unknown, resourceId: sessionId, ...legacyPending });
    await workflow.createRun({
      runId: `studio-${randomUUID()}`,
      resourceId: sessionId,
      ...legacyPending,
    });
    const version = (await service.getSession(sessionId)).version;

    const report = await recoverSessions(service, mastra);
    expect(report).toMatchObject({ droppedRuns: 1, failures: 0 });
    expect(await snapshotStatus(turnRunId(eventId))).toBeUndefined();
    expect(await snapshotStatus(unknown)).toBe('pending');
    expect(await transitionsOf(eventId)).toBe(1);
    expect((await service.getSession(sessionId)).version).toBe(version);
    await pool.query(
      `delete from mastra_workflow_snapshot
       where workflow_name = 'mentor-turn' and snapshot->>'status' = 'pending'`,
    );
  });

  it('the runner writes no pending row: a run that never starts leaves nothing', async () => {
    const { sessionId, eventId } = await sessionWithStoredEvent(restatement);
    const runner = workflowTurnRunner(mastra);
    // seq 0 fails the input schema in start(), after createRun(): the window a kill hits.
    await expect(runner(sessionId, eventId, 0)).rejects.toThrow();
    expect(await snapshotStatus(turnRunId(eventId))).toBeUndefined();

    // A turn that runs is still persisted (Studio shows it) and applies its event.
    const { seq } = (await app.sessions.listEvents(sessionId)).at(-1)!;
    await runner(sessionId, eventId, seq);
    expect(await snapshotStatus(turnRunId(eventId))).toBe('success');
    expect(await transitionsOf(eventId)).toBe(1);
  });
});
