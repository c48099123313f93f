import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { eventually } from './fixtures/db.ts';
import { cartStory, restatement } from './fixtures/story.ts';

const { createApp } = await import('../../../src/app.ts');
const { storeEvent, validateEvent } = await import('../../../src/sessions/ingest.ts');
const { startBackground } = await import('../../../src/runtime/background.ts');
const app = await createApp(loadConfig(process.env, { TIME_SCALE: '0.002' }));
const { mastra, logger, sessions: service, runs } = app;
const appDatabase = app.database;
const { createSession, getSession, ingestEvent, listTransitions } = {
  createSession: service.createSession.bind(service),
  getSession: service.getSession.bind(service),
  ingestEvent: service.ingestEvent.bind(service),
  listTransitions: service.listTransitions.bind(service),
};

afterAll(() => app.close());

describe('startBackground', () => {
  it('recovers pending inbox events at boot and runs the timer worker', async () => {
    const { session } = await createSession({ learnerId: 'nia', story: cartStory });
    // Accepted before a crash, never processed.
    const stored = (
      await storeEvent(
        appDatabase.pool,
        session.id,
        validateEvent(session.id, 'story', {
          type: 'learner-message',
          data: { text: restatement },
        }),
        'client',
      )
    ).stored;
    expect((await getSession(session.id)).state).toBe('ASSESS_JUNIOR_CAPABILITY');

    const background = await startBackground({
      mastra,
      database: appDatabase,
      config: loadConfig(process.env, { WORKER: 'true', TIME_SCALE: '0.002' }),
      logger,
      sessions: service,
      runs,
    });
    try {
      await eventually(async () => (await getSession(session.id)).state === 'PLAN_DECOMPOSITION');
      const log = await listTransitions(session.id);
      expect(log.filter((t) => t.eventId === stored.id)).toHaveLength(1);
      // PLAN_DECOMPOSITION arms the 15-min step timer (1.8 s here): the worker fires it.
      await eventually(
        async () => (await getSession(session.id)).state === 'START_IMPLEMENTATION',
        10_000,
      );
      expect((await listTransitions(session.id)).map((t) => t.event)).toEqual(
        expect.arrayContaining(['timeout', 'templateProvided']),
      );
      expect(service.pool).toBe(appDatabase.pool);
    } finally {
      await background.stop();
    }
  });

  it('routes turns through the mentor-turn workflow when asked', async () => {
    const background = await startBackground({
      mastra,
      database: appDatabase,
      config: loadConfig(process.env, { WORKER: 'false' }),
      logger,
      sessions: service,
      runs,
      turnRunner: 'workflow',
    });
    try {
      const { session } = await createSession({ learnerId: 'nia', story: cartStory });
      const result = await ingestEvent(session.id, {
        type: 'learner-message',
        data: { text: restatement },
      });
      expect(result.session.state).toBe('PLAN_DECOMPOSITION');
      // A successful turn leaves no Mastra run behind: its one durable write is the session commit.
      const { rows } = await appDatabase.pool.query(
        "select count(*)::int as n from mastra_workflow_snapshot where workflow_name like 'mentor-%'",
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await background.stop();
      service.processor.useExecutor(null);
    }
  });
});
