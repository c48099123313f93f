import type { IMastraLogger } from '@mastra/core/logger';
import { registerApiRoute, type Middleware } from '@mastra/core/server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ServerConfig } from '../app.ts';
import { assertServableHost, type Config } from '../config/index.ts';
import type { Database } from '../db/database.ts';
import { ping } from '../db/system/ping.ts';
import { AppError } from '../errors/app-error.ts';
import { ApiKeyAuthProvider } from './api-key-auth-provider.ts';
import { apiKeyAuth } from './api-keys.ts';
import { errorHandler } from './error-handler.ts';
import { normaliseErrorBodies, requireJsonBody } from './json-errors.ts';
import { agentBodyLimit, mastraInputGuard } from './mastra-input.ts';
import { pageRoutes } from './pages/routes.ts';
import { mountRoutes, type AppEnv } from './route.ts';

export interface ServerConfigOptions {
  config: Pick<Config, 'HOST' | 'PORT' | 'MENTORFLOW_API_KEYS' | 'MAX_BODY_BYTES'>;
  database: Database;
  logger: IMastraLogger;
}

/** Marks a product-API miss so the request continues to Mastra's own routes. */
const FALL_THROUGH = 'x-mentorflow-fall-through';
const startedAt = Date.now();

/**
 * mentorflow's whole HTTP surface as Mastra server configuration, so `npm start` (through
 * `@mastra/hono`), `mastra dev` (Studio) and the `mastra build` output serve the same routes:
 * `/health` and `/ready` as API routes, the API keys as a Mastra auth provider, the product routes
 * under `/api` (sessions, implementation runs, webhooks) as server middleware in front of Mastra's
 * standard API — Mastra reserves its `/api` prefix for built-in routes, so custom routes cannot be
 * registered there — and one error handler producing `{ error: { code, message, field? } }`.
 */
export function serverConfig({ config, database, logger }: ServerConfigOptions): ServerConfig {
  assertServableHost(config);
  const auth = config.MENTORFLOW_API_KEYS.length
    ? new ApiKeyAuthProvider(config.MENTORFLOW_API_KEYS)
    : undefined;
  const onError = errorHandler(logger);
  return {
    host: config.HOST,
    port: config.PORT,
    bodySizeLimit: config.MAX_BODY_BYTES,
    ...(auth ? { auth } : {}),
    onError,
    build: { openAPIDocs: true },
    apiRoutes: [
      registerApiRoute('/health', {
        method: 'GET',
        requiresAuth: false,
        handler: (c) =>
          c.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }),
      }),
      registerApiRoute('/ready', {
        method: 'GET',
        requiresAuth: false,
        handler: async (c) => {
          try {
            await Promise.race([
              ping(database.pool),
              new Promise((_, reject) =>
                setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref(),
              ),
            ]);
            return c.json({ status: 'ready', database: database.kind });
          } catch (error) {
            logger.warn(`readiness check failed: ${(error as Error).message}`);
            const unavailable = { code: 'DATABASE_ERROR', message: 'database is not answering' };
            return c.json(
              { status: 'unavailable', database: database.kind, error: unavailable },
              503,
            );
          }
        },
      }),
      // The operator console and the learner chat (src/http/pages).
      ...pageRoutes(config.MENTORFLOW_API_KEYS),
    ],
    middleware: [
      {
        path: '*',
        handler: bodyLimit({
          maxSize: config.MAX_BODY_BYTES,
          onError: () => {
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `request body is larger than ${config.MAX_BODY_BYTES} bytes`,
              { field: 'body' },
            );
          },
        }),
      },
      { path: '/api/agents/*', handler: agentBodyLimit() },
      { path: '/api/a2a/*', handler: agentBodyLimit() },
      { path: '/api/v1/responses', handler: agentBodyLimit() },
      ...onApi(normaliseErrorBodies(logger)),
      ...onApi(withoutWebhooks(apiKeyAuth(auth) as MiddlewareHandler)),
      ...onApi(requireJsonBody()),
      ...onApi(mastraInputGuard()),
      { path: '/api/*', handler: productApi(onError) },
    ],
  };
}

function onApi(handler: MiddlewareHandler): Middleware[] {
  return [
    { path: '/api', handler },
    { path: '/api/*', handler },
  ];
}

/** Webhooks authenticate by signature, not API key. */
function withoutWebhooks(handler: MiddlewareHandler): MiddlewareHandler {
  return (c, next) => (c.req.path.startsWith('/api/webhooks/') ? next() : handler(c, next));
}

/**
 * The product routes in a Hono app of their own, answered before Mastra's; a path they do not
 * serve (or a route that falls through, e.g. `restart` of a run that is not ours) goes on to
 * Mastra. Loaded on first use: the routes reach the session and run services, which import the
 * Mastra instance this configuration belongs to.
 */
function productApi(onError: ReturnType<typeof errorHandler>): MiddlewareHandler {
  let app: Promise<Hono<AppEnv>> | undefined;
  const load = async () => {
    const { routeDefinitions } = await import('./routes/index.ts');
    const product = new Hono<AppEnv>();
    product.onError(onError);
    product.use('*', (c, next) => {
      const env = c.env as AppEnv['Variables'];
      c.set('principal', env.principal);
      c.set('mastra', env.mastra);
      return next();
    });
    mountRoutes(product, routeDefinitions);
    product.notFound(() => new Response(null, { status: 404, headers: { [FALL_THROUGH]: '1' } }));
    return product;
  };
  return async (c, next) => {
    app ??= load();
    const env: AppEnv['Variables'] = { principal: c.get('principal'), mastra: c.get('mastra') };
    const res = await (await app).fetch(c.req.raw, env);
    if (res.headers.get(FALL_THROUGH)) return next();
    return res;
  };
}
