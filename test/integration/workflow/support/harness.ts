import { Mastra } from '@mastra/core/mastra';
import { PostgresStore } from '@mastra/pg';
import pg from 'pg';
import { createRunService, type RunService } from '../../../../src/runs/run-service.ts';
import { createImplementationWorkflow } from '../../../../workflows/implementation-workflow.ts';
import type { RunEvent } from '../../../../src/domain/implementation-run.ts';
import type { ImplementationWorkflowOptions } from '../../../../workflows/implementation/workflow-deps.ts';

/** This test file's database (the per-file clone). */
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
// Connections the crash test's child held are cut by the server; an idle client's error must not fail the file.
pool.on('error', () => undefined);
export const storage = new PostgresStore({
  id: 'workflow-tests',
  connectionString: process.env.DATABASE_URL!,
  disableInit: true,
});

export interface Harness {
  mastra: Mastra;
  service: RunService;
  /** Backoff waits the workflow asked for (nothing actually waits). */
  sleeps: number[];
}

const open: RunService[] = [];

/** Wait for the harnesses' background work and release their run ownership (afterEach). */
export async function closeHarnesses(): Promise<void> {
  for (const service of open.splice(0)) {
    await service.idle();
    await service.close();
  }
}

/** A Mastra instance of its own with a fresh workflow object (never shared between instances). */
export function harness(
  options: Partial<ImplementationWorkflowOptions> & {
    mastraOptions?: Partial<ConstructorParameters<typeof Mastra>[0]>;
  } = {},
): Harness {
  const sleeps: number[] = [];
  const { mastraOptions, ...workflowOptions } = options;
  const implementationWorkflow = createImplementationWorkflow({
    pool,
    retry: { scale: 1, sleep: async (ms) => void sleeps.push(ms) },
    ...workflowOptions,
  });
  const mastra = new Mastra({
    workflows: { implementationWorkflow },
    storage,
    logger: false,
    ...mastraOptions,
  });
  const service = createRunService({ mastra, pool });
  open.push(service);
  return { mastra, service, sleeps };
}

export async function eventsOf(service: RunService, id: string): Promise<RunEvent[]> {
  return service.listRunEvents(id);
}

/** Poll until `check` returns a value (or time out). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sampleInput = {
  request: 'Build user authentication system',
  requirements: ['OAuth support', 'MFA capability'],
  constraints: ['Must use existing user table'],
};
