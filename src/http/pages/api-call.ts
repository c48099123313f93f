import type { Mastra } from '@mastra/core/mastra';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { appOf } from '../../app.ts';
import { errorHandler } from '../error-handler.ts';
import { mountRoutes, type AppEnv } from '../route.ts';
import type { Viewer } from './viewer.ts';

/** Per Mastra instance (one per app): the error handler logs with that app's logger. */
const products = new WeakMap<Mastra, Promise<Hono<AppEnv>>>();

/** The product routes in an app of their own, built on first use (as the `/api` middleware does). */
function productApp(mastra: Mastra): Promise<Hono<AppEnv>> {
  let product = products.get(mastra);
  if (product) return product;
  product = (async () => {
    const { routeDefinitions } = await import('../routes/index.ts');
    const api = new Hono<AppEnv>();
    api.onError(errorHandler(appOf(mastra).logger));
    api.use('*', (c, next) => {
      const env = c.env as AppEnv['Variables'];
      c.set('principal', env.principal);
      c.set('mastra', env.mastra);
      return next();
    });
    mountRoutes(api, routeDefinitions);
    return api;
  })();
  products.set(mastra, product);
  return product;
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/**
 * Read a product API route in-process, as the viewer: a page renders exactly what the JSON API
 * answers (the same access rules, the same shapes — e.g. the escalations another module serves)
 * without a network round trip or a second copy of its queries.
 */
export async function callApi<T = unknown>(
  c: Context,
  viewer: Viewer,
  path: string,
): Promise<ApiAnswer<T>> {
  const mastra = c.get('mastra') as Mastra;
  const api = await productApp(mastra);
  const url = new URL(path, c.req.url);
  const env: AppEnv['Variables'] = { principal: viewer.principal, mastra };
  const res = await api.fetch(new Request(url, { headers: { accept: 'application/json' } }), env);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { code: 'INVALID_JSON', message: text.slice(0, 200) } };
  }
  return { status: res.status, body: body as T };
}
