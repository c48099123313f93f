import type { Mastra } from '@mastra/core/mastra';
import { MastraServer } from '@mastra/hono';
import { Hono } from 'hono';
import { AppError } from '../errors/app-error.ts';

/**
 * The HTTP app `mentorflow start` serves: Mastra's server configuration (`src/http/server-config.ts`,
 * the same one `mastra dev` and the `mastra build` output use) mounted through `@mastra/hono`.
 */
export async function createHttpApp(mastra: Mastra): Promise<Hono> {
  const server = mastra.getServer();
  const app = new Hono();
  if (server?.onError) app.onError(server.onError);
  app.notFound((c) =>
    c.json(new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`).toJSON(), 404),
  );
  const adapter = new MastraServer({ app, mastra, openapiPath: '/openapi.json' });
  await adapter.init();
  return app;
}
