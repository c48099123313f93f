/**
 * Bare Mastra: a 1-step workflow on `PostgresStore`, default persistence, one run per event — as a
 * Mastra user would write it (storage and step on one pool). The step does the event's SQL (`applyEvent`) through `pg`.
 */
import { Mastra } from '@mastra/core/mastra';
import { createStep, createWorkflow } from '@mastra/core/workflows';
import { PostgresStore } from '@mastra/pg';
import pg from 'pg';
import { z } from 'zod';
import { type Contender, closedLoop } from './closed-loop.ts';
import { applyEvent, createPeerSessions } from './event-sql.ts';

export function bareMastraContender(databaseUrl: string, base: number): Contender {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, idleTimeoutMillis: 1000 });
  // The bench drops its database at the end: an idle client told so must not crash the process.
  pool.on('error', () => undefined);
  const eventStep = createStep({
    id: 'apply-event',
    inputSchema: z.object({ sessionId: z.number() }),
    outputSchema: z.object({ state: z.string() }),
    execute: async ({ inputData }) => ({ state: await applyEvent(pool, inputData.sessionId) }),
  });
  const workflow = createWorkflow({
    id: 'peer-event',
    inputSchema: z.object({ sessionId: z.number() }),
    outputSchema: z.object({ state: z.string() }),
  })
    .then(eventStep)
    .commit();
  // One pool of 20 for the storage and the step's SQL, as mentorflow's app has.
  const storage = new PostgresStore({ id: 'peers-mastra', pool });
  const mastra = new Mastra({ workflows: { peerEvent: workflow }, storage, logger: false });

  return {
    name: 'bare Mastra',
    async prepare(sessions) {
      await createPeerSessions(pool, base, sessions);
      await storage.init();
    },
    run: (sessions, seconds) =>
      closedLoop(sessions, seconds, async (s) => {
        const sessionId = base + s;
        const run = await mastra
          .getWorkflow('peerEvent')
          .createRun({ resourceId: String(sessionId) });
        const result = await run.start({ inputData: { sessionId } });
        if (result.status !== 'success') throw new Error(`bare Mastra run ${result.status}`);
      }),
    async close() {
      await mastra.shutdown();
      if (!pool.ended) await pool.end();
    },
  };
}
