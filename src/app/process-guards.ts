import type { IMastraLogger } from '@mastra/core/logger';

let installed = false;

/**
 * Keeps a serving process alive when a promise rejects with nobody listening. Node's default is to
 * exit, and a single request reaching such a bug (the fuzz suite found two in Mastra's handlers)
 * would take the whole server down for every learner; the state is in PostgreSQL transactions, so
 * logging and serving on loses nothing. Installed once per process by the entries that serve
 * (`mentorflow start`, `src/mastra/index.ts`).
 */
export function logUnhandledRejections(logger: Pick<IMastraLogger, 'error'>): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error(`unhandled rejection (the server keeps serving): ${error.stack ?? error.message}`);
  });
}
