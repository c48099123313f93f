import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import { workflowTurns } from '../../../src/sessions/workflow-runner.ts';
import { eventually } from './fixtures/db.ts';
import { cartStory, restatement } from './fixtures/story.ts';

const { createApp } = await import('../../../src/app.ts');
const app = await createApp(loadConfig(process.env, { WORKER: 'false', TRACE_SAMPLE_RATIO: '1' }));
app.sessions.processor.useExecutor(workflowTurns(app.mastra));
afterAll(() => app.close());

describe('turn traces for Studio', () => {
  it('traces a turn as its workflow steps, with the agent call under the step that made it', async () => {
    const { session } = await app.sessions.createSession({ learnerId: 'tia', story: cartStory });
    await app.sessions.ingestEvent(session.id, {
      type: 'learner-message',
      data: { text: restatement },
    });
    // The storage exporter flushes at least every second.
    const agent = await eventually(async () => {
      const { rows } = await app.database.pool.query<{ traceId: string; parent: string }>(
        `select a."traceId", p.name as parent from mastra_ai_spans a
         join mastra_ai_spans p on p."traceId" = a."traceId" and p."spanId" = a."parentSpanId"
         where a."spanType" = 'agent_run'`,
      );
      return rows[0];
    });
    expect(agent.parent).toBe("workflow step: 'interpret'");
    // The rest of the trace arrives with the next flushes: until its commit step is in.
    const names = await eventually(async () => {
      const { rows } = await app.database.pool.query<{ name: string }>(
        'select name from mastra_ai_spans where "traceId" = $1 order by "startedAt"',
        [agent.traceId],
      );
      const all = rows.map((r) => r.name);
      return all.includes("workflow step: 'commit'") && all;
    });
    expect(names[0]).toBe("workflow run: 'mentor-turn'");
    expect(names).toEqual(
      expect.arrayContaining([
        "workflow step: 'load-session-event'",
        "workflow step: 'interpret'",
        "workflow step: 'transition'",
        "workflow run: 'mentor-planning'",
        "workflow step: 'commit'",
      ]),
    );
  });
});
