import { createStep, createWorkflow } from '@mastra/core/workflows';
import { z } from 'zod';
import { databaseOf } from '../src/db/app-store.ts';
import { migrationStatus } from '../src/db/migrate.ts';
import { serverVersion } from '../src/db/server-version.ts';
import { skipPendingSnapshot } from './implementation/snapshot-policy.ts';

/** What a system check reports; exported so callers (and tests) can hold the run to it. */
export const systemCheckOutput = z.object({
  database: z.object({
    kind: z.enum(['embedded', 'external']),
    serverVersion: z.string(),
    latencyMs: z.number(),
  }),
  schema: z.object({
    level: z.number().int(),
    latest: z.number().int(),
    pending: z.array(z.string()),
  }),
  checkedAt: z.string(),
});

const checkDatabase = createStep({
  id: 'check-database',
  description: 'Round-trips to the database and reads the migration level',
  inputSchema: z.object({}),
  outputSchema: systemCheckOutput,
  execute: async ({ mastra }) => {
    const database = databaseOf(mastra);
    const started = performance.now();
    const version = await serverVersion(database.pool);
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    // Mastra 1.71 does not check a step's output against its schema: parse it here, so a wrong
    // read fails the check instead of answering `success` with a field missing.
    return systemCheckOutput.parse({
      database: { kind: database.kind, serverVersion: version, latencyMs },
      schema: await migrationStatus(database.pool),
      checkedAt: new Date().toISOString(),
    });
  },
});

/** Operational self-test, runnable from Studio or `POST /api/workflows/system-check/start-async`. */
export const systemCheckWorkflow = createWorkflow({
  id: 'system-check',
  description: 'Checks that the database answers and the schema is current',
  inputSchema: z.object({}),
  outputSchema: systemCheckOutput,
  // A start refused for its input must leave no `pending` row in Mastra's storage.
  options: { shouldPersistSnapshot: skipPendingSnapshot },
})
  .then(checkDatabase)
  .commit();
