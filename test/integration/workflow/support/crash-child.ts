/**
 * A server-like process for the crash-recovery test: starts a run whose implementation phase never
 * finishes, prints `RUN <id>` once the run is in that phase, and waits to be killed.
 */
import { Mastra } from '@mastra/core/mastra';
import { PostgresStore } from '@mastra/pg';
import pg from 'pg';
import { createRunService } from '../../../../src/runs/run-service.ts';
import { createImplementationWorkflow } from '../../../../workflows/implementation-workflow.ts';
import { scriptedAgents } from './scripted-agents.ts';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const agents = scriptedAgents({
  reviewScores: [60, 85],
  implementGate: new Promise<void>(() => undefined),
});
const implementationWorkflow = createImplementationWorkflow({ pool, agents });
const mastra = new Mastra({
  workflows: { implementationWorkflow },
  storage: new PostgresStore({
    id: 'crash-child',
    connectionString: process.env.DATABASE_URL!,
    disableInit: true,
  }),
  logger: false,
});
const service = createRunService({ mastra, pool });
const { id } = await service.startImplementationRun({
  request: 'Add pagination',
  requirements: ['Page size is configurable', 'Links to next page'],
});
for (;;) {
  const { rows } = await pool.query<{ current_phase: string }>(
    'select current_phase from implementation_runs where id = $1',
    [id],
  );
  if (rows[0]?.current_phase === 'implement' && agents.calls.includes('implement')) break;
  await new Promise((r) => setTimeout(r, 20));
}
console.log(`RUN ${id}`);
setInterval(() => undefined, 60_000);
