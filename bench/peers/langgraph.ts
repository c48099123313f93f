/**
 * LangGraph.js: a one-node `StateGraph` checkpointed by `PostgresSaver`, one `invoke` per event,
 * `thread_id` = the session. The node does the event's SQL (`applyEvent`) through `pg`.
 */
import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import pg from 'pg';
import { type Contender, closedLoop } from './closed-loop.ts';
import { applyEvent, createPeerSessions } from './event-sql.ts';

const State = Annotation.Root({
  sessionId: Annotation<number>,
  state: Annotation<string>,
  events: Annotation<number>,
});

export function langGraphContender(databaseUrl: string, base: number): Contender {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, idleTimeoutMillis: 1000 });
  // The bench drops its database at the end: an idle client told so must not crash the process.
  pool.on('error', () => undefined);
  const saver = new PostgresSaver(pool);
  const graph = new StateGraph(State)
    .addNode('event', async (s: typeof State.State) => ({
      state: await applyEvent(pool, s.sessionId),
      events: (s.events ?? 0) + 1,
    }))
    .addEdge(START, 'event')
    .addEdge('event', END)
    .compile({ checkpointer: saver });

  return {
    name: 'LangGraph.js',
    async prepare(sessions) {
      await createPeerSessions(pool, base, sessions);
      await saver.setup();
    },
    run: (sessions, seconds) =>
      closedLoop(sessions, seconds, async (s) => {
        const sessionId = base + s;
        await graph.invoke({ sessionId }, { configurable: { thread_id: String(sessionId) } });
      }),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
