/**
 * Bare Mastra: a 1-step workflow on `PostgresStore`, default persistence, one run per event — as a
 * Mastra user would write it (storage and step on one pool). The step does the event's SQL (`applyEvent`) through `pg`.
 *
 * With `persist: false` the same workflow writes no snapshot (`shouldPersistSnapshot` always
 * false) and does not validate step inputs, as `mentor-turn` does: its only cost beyond the event's
 * SQL is Mastra's engine running the steps in Node. No design that runs one Mastra run per event
 * can do better, so its ratio to the floor is the ceiling of such a design on this machine
 * ("Mastra ceiling" in the table). `steps` > 1 puts pass-through steps before the SQL step, as
 * many as `mentor-turn` runs for an event that does not move the machine (load, interpret,
 * answer, commit): the ceiling of a turn with that many steps.
 */
import { Mastra } from '@mastra/core/mastra';
import { createStep, createWorkflow } from '@mastra/core/workflows';
import { PostgresStore } from '@mastra/pg';
import pg from 'pg';
import { z } from 'zod';
import { type Contender, closedLoop } from './closed-loop.ts';
import { applyEvent, createPeerSessions } from './event-sql.ts';

export function bareMastraContender(
  databaseUrl: string,
  base: number,
  { persist = true, steps = 1 }: { persist?: boolean; steps?: number } = {},
): Contender {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, idleTimeoutMillis: 1000 });
  // The bench drops its database at the end: an idle client told so must not crash the process.
  pool.on('error', () => undefined);
  const eventStep = createStep({
    id: 'apply-event',
    inputSchema: z.object({ sessionId: z.number() }),
    outputSchema: z.object({ state: z.string() }),
    execute: async ({ inputData }) => ({ state: await applyEvent(pool, inputData.sessionId) }),
  });
  const sessionInput = z.object({ sessionId: z.number() });
  let workflow = createWorkflow({
    id: 'peer-event',
    inputSchema: sessionInput,
    outputSchema: z.object({ state: z.string() }),
    ...(persist ? {} : { options: { shouldPersistSnapshot: () => false, validateInputs: false } }),
  });
  for (let i = 1; i < steps; i++)
    workflow = workflow.then(
      createStep({
        id: `pass-${i}`,
        inputSchema: sessionInput,
        outputSchema: sessionInput,
        execute: async ({ inputData }) => inputData,
      }),
    ) as unknown as typeof workflow;
  const committed = workflow.then(eventStep).commit();
  // One pool of 20 for the storage and the step's SQL, as mentorflow's app has.
  const storage = new PostgresStore({
    id: persist ? 'peers-mastra' : `peers-mastra-ceiling-${steps}`,
    pool,
  });
  const mastra = new Mastra({ workflows: { peerEvent: committed }, storage, logger: false });

  return {
    name: persist ? 'bare Mastra' : steps === 1 ? 'Mastra ceiling' : `ceiling, ${steps} steps`,
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
