import type { Mastra } from '@mastra/core/mastra';
import type { IMastraLogger } from '@mastra/core/logger';
import { MastraServer } from '@mastra/hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { apiKeyAuth, type AuthVariables } from './api-keys.ts';
import { errorHandler } from './error-handler.ts';
import { normaliseErrorBodies, requireJsonBody } from './json-errors.ts';

export interface HttpAppOptions {
  mastra: Mastra;
  database: Database;
  config: Pick<Config, 'MENTORFLOW_API_KEYS' | 'MAX_BODY_BYTES'>;
  logger: IMastraLogger;
  /** Our own `/api` routes, mounted before Mastra's; a test checks none shadows a standard route. Webhooks authenticate by signature, not API key. */
  routes?: (app: Hono<{ Variables: AuthVariables }>) => void;
}

const startedAt = Date.now();

/**
 * The HTTP surface: `/health` (liveness, no I/O), `/ready` (the database answers), and `/api`: Mastra's
 * standard API (the one `@mastra/client-js` and Studio speak) plus mentorflow's routes, behind API keys.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<Hono<{ Variables: AuthVariables }>> {
  const { mastra, database, config, logger } = options;
  const app = new Hono<{ Variables: AuthVariables }>();
  app.onError(errorHandler(logger));
  app.notFound((c) => c.json(new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`).toJSON(), 404));

  app.use(
    '*',
    bodyLimit({
      maxSize: config.MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `request body is larger than ${config.MAX_BODY_BYTES} bytes`, { field: 'body' });
      },
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }));
  app.get('/ready', async (c) => {
    try {
      await Promise.race([
        database.pool.query('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref()),
      ]);
      return c.json({ status: 'ready', database: database.kind });
    } catch (error) {
      logger.warn(`readiness check failed: ${(error as Error).message}`);
      return c.json({ status: 'unavailable', database: database.kind, error: { code: 'DATABASE_ERROR', message: 'database is not answering' } }, 503);
    }
  });

  const auth = apiKeyAuth(config.MENTORFLOW_API_KEYS);
  for (const path of ['/api', '/api/*']) {
    app.use(path, normaliseErrorBodies(), (c, next) => (c.req.path.startsWith('/api/webhooks/') ? next() : auth(c, next)), requireJsonBody());
  }
  options.routes?.(app);

  const server = new MastraServer({ app, mastra, openapiPath: '/openapi.json' });
  await server.init();
  return app;
}
