import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';
import { appDatabase } from '../src/db/app-database.ts';
import { migrationStatus } from '../src/db/migrate.ts';

const systemCheckOutput = z.object({
  database: z.object({ kind: z.enum(['embedded', 'external']), serverVersion: z.string(), latencyMs: z.number() }),
  schema: z.object({ level: z.number().int(), latest: z.number().int(), pending: z.array(z.string()) }),
  checkedAt: z.string(),
});

const checkDatabase = createStep({
  id: 'check-database',
  description: 'Round-trips to the database and reads the migration level',
  inputSchema: z.object({}),
  outputSchema: systemCheckOutput,
  execute: async () => {
    const started = performance.now();
    const { rows } = await appDatabase.pool.query<{ v: string }>('show server_version');
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    return {
      database: { kind: appDatabase.kind, serverVersion: rows[0]!.v, latencyMs },
      schema: await migrationStatus(appDatabase.pool),
      checkedAt: new Date().toISOString(),
    };
  },
});

/** Operational self-test, runnable from Studio or `POST /api/workflows/system-check/start-async`. */
export const systemCheckWorkflow = createWorkflow({
  id: 'system-check',
  description: 'Checks that the database answers and the schema is current',
  inputSchema: z.object({}),
  outputSchema: systemCheckOutput,
})
  .then(checkDatabase)
  .commit();
