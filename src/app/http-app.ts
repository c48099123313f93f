import type { Mastra } from '@mastra/core/mastra';
import { MastraServer } from '@mastra/hono';
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../errors/app-error.ts';

export interface HttpAppOptions {
  /**
   * Middleware for Mastra's framework-public routes (`/api/auth/*`, Studio's sign-in), which Mastra
   * runs without any server middleware; here they are registered on the app itself, ahead of
   * Mastra. `mastra dev` and the built server have no such place.
   */
  frameworkPublic?: MiddlewareHandler[];
}

/**
 * The HTTP app `mentorflow start` serves: Mastra's server configuration (`src/http/server-config.ts`,
 * the same one `mastra dev` and the `mastra build` output use) mounted through `@mastra/hono`.
 */
export async function createHttpApp(mastra: Mastra, options: HttpAppOptions = {}): Promise<Hono> {
  const server = mastra.getServer();
  const app = new Hono();
  if (server?.onError) app.onError(server.onError);
  app.notFound((c) =>
    c.json(new AppError('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`).toJSON(), 404),
  );
  for (const handler of options.frameworkPublic ?? []) app.use('/api/auth/*', handler);
  const adapter = new MastraServer({ app, mastra, openapiPath: '/openapi.json' });
  await adapter.init();
  return app;
}
