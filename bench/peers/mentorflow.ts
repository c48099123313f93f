/**
 * mentorflow's default path: `createApp` on the bench database, sessions brought to
 * MONITOR_PROGRESS, then activity events through `app.sessions.ingestEvent`, each turn a
 * `mentor-turn` Mastra run (`workflowTurns`, the executor the app uses), in rules mode.
 */
import type { App } from '../../src/app.ts';
import { activity, monitoringSession } from '../session-driver.ts';
import { type Contender, closedLoop } from './closed-loop.ts';

export async function mentorflowContender(databaseUrl: string): Promise<Contender> {
  const { createApp } = await import('../../src/app.ts');
  const { loadConfig } = await import('../../src/config/index.ts');
  const { workflowTurns } = await import('../../src/sessions/workflow-runner.ts');
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' };
  const app: App = await createApp(loadConfig(env, { TIME_SCALE: '1' }));
  app.sessions.processor.useExecutor(workflowTurns(app.mastra));
  // The server is shared with the other contenders: idle connections go back after 1 s, not 10.
  (
    app.database.pool as unknown as { options: { idleTimeoutMillis: number } }
  ).options.idleTimeoutMillis = 1000;
  const ids: string[] = [];
  // Each session's client sends its events in order; the event number carries on across runs.
  const sent: number[] = [];
  return {
    name: 'mentorflow',
    async prepare(sessions) {
      for (let i = ids.length; i < sessions; i += 20)
        ids.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(20, sessions - i) }, (_, j) =>
              monitoringSession(app.sessions, i + j),
            ),
          )),
        );
      sent.push(...ids.map(() => 0));
    },
    run: (sessions, seconds) =>
      closedLoop(sessions, seconds, async (s) => {
        const result = await app.sessions.ingestEvent(ids[s]!, activity(sent[s]!++));
        if (result.outcome.status === 'rejected')
          throw new Error(`mentorflow rejected an event: ${JSON.stringify(result.outcome)}`);
      }),
    close: () => app.close(),
  };
}
