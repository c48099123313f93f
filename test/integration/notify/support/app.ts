import { loadConfig, type ConfigInput } from '../../../../src/config/index.ts';
import { cartStory, goodPlan, restatement } from '../../sessions/fixtures/story.ts';

const { createApp } = await import('../../../../src/app.ts');
export type TestApp = Awaited<ReturnType<typeof createApp>>;

/** Rules mode, the direct turn runner, and the background worker (delivery and timer jobs) running. */
export async function startApp(overrides: ConfigInput): Promise<TestApp> {
  const app = await createApp(
    loadConfig(process.env, {
      MODEL: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      TURN_RUNNER: 'direct',
      WORKER: 'true',
      ...overrides,
    }),
  );
  await app.mastra.startWorkers();
  return app;
}

/** The failing test a stuck learner reports again and again. */
const failingRun = {
  failed: 1,
  passed: 1,
  failures: [{ name: 'cart total sums prices', message: 'expected 30 but got NaN' }],
};

/**
 * A learner stuck on one error: the same failing test five times (seed 001's "same error ×5"), which
 * sends the session to ESCALATE_TO_HUMAN. Returns the session id.
 */
export async function stuckSession(app: TestApp, learnerId: string): Promise<string> {
  const { session } = await app.sessions.createSession({ learnerId, story: cartStory });
  await app.sessions.ingestEvent(session.id, {
    type: 'learner-message',
    data: { text: restatement },
  });
  await app.sessions.ingestEvent(session.id, { type: 'learner-message', data: { text: goodPlan } });
  let state = '';
  for (let i = 0; i < 8 && state !== 'ESCALATE_TO_HUMAN'; i++) {
    const r = await app.sessions.ingestEvent(session.id, { type: 'test-run', data: failingRun });
    state = r.session.state;
  }
  if (state !== 'ESCALATE_TO_HUMAN') throw new Error(`session not escalated (state ${state})`);
  return session.id;
}
