import type { Mastra } from '@mastra/core/mastra';
import type { Context, Hono, Next } from 'hono';
import { z } from 'zod';
import { appOf, type App } from '../app.ts';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from '../errors/zod-error.ts';
import { requireOperator } from './access-policy.ts';
import type { AuthVariables, Principal } from './api-keys.ts';
import { parseBody } from './parse-body.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A product route's context: the caller, and the Mastra instance serving the request. */
export type AppEnv = { Variables: AuthVariables & { mastra: Mastra } };

export interface RouteInput<P, Q, B> {
  /** The app serving the request (its session and run services, database, Mastra). */
  app: App;
  params: P;
  query: Q;
  body: B;
  principal: Principal | undefined;
  c: Context<AppEnv>;
}

/**
 * One of mentorflow's own API routes, declared once: the same zod schemas validate the request (400
 * naming the field) and generate the OpenAPI document.
 */
export interface RouteDefinition<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Path under `/api`, Hono syntax (`/sessions/:id`). */
  path: string;
  summary: string;
  /** Longer documentation for the OpenAPI operation (e.g. an SSE protocol). */
  description?: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Status → description, and optionally the response schema. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /**
   * When the path can also match a Mastra standard route, return `undefined` from `handle` to let the
   * request through to Mastra (e.g. `POST /workflows/:id/restart` for an id that is not one of our runs).
   */
  fallsThrough?: boolean;
  /** Webhook routes authenticate by signature instead of API key. */
  public?: boolean;
  /** Operator keys only: a learner-scoped key gets 403 (runs, approvals, dashboards). */
  operatorOnly?: boolean;
  handle(input: RouteInput<P, Q, B>): Promise<Response | undefined> | Response | undefined;
}

/** Identity function that keeps the generic types of a route definition. */
export function defineRoute<P = unknown, Q = unknown, B = unknown>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return route;
}

async function readBody(c: Context): Promise<unknown> {
  const text = await c.req.raw.clone().text();
  if (text.trim() === '') return undefined;
  if (!(c.req.header('content-type') ?? '').includes('json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'body: expected Content-Type: application/json', {
      field: 'body',
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('INVALID_JSON', `body: not valid JSON (${(cause as Error).message})`, {
      field: 'body',
      cause,
    });
  }
}

/** Mount route definitions on `app` under `prefix`. */
export function mountRoutes(
  app: Hono<AppEnv>,
  routes: RouteDefinition<any, any, any>[],
  prefix = '/api',
): void {
  for (const route of routes) {
    const handler = async (c: Context<AppEnv>, next: Next) => {
      if (route.operatorOnly)
        requireOperator(c.get('principal'), `${route.method} /api${route.path}`);
      const params = route.params
        ? parseOrThrow(route.params, c.req.param(), 'path')
        : c.req.param();
      const query = route.query ? parseOrThrow(route.query, c.req.query(), 'query') : c.req.query();
      const body = route.body ? parseBody(route.body, (await readBody(c)) ?? {}) : undefined;
      const app = appOf(c.get('mastra'));
      const response = await route.handle({
        app,
        params,
        query,
        body,
        principal: c.get('principal'),
        c,
      });
      if (response) return response;
      if (!route.fallsThrough)
        throw new AppError('INTERNAL', `route ${route.method} ${route.path} produced no response`);
      await next();
      return c.res;
    };
    app.on(route.method, `${prefix}${route.path}`, handler);
  }
}

/** `/sessions/:id` → `/sessions/{id}` */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });
}

/** OpenAPI 3.1 document for mentorflow's own routes, generated from the route definitions. */
export function openApiDocument(
  routes: RouteDefinition<any, any, any>[],
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const json = jsonSchema(schema) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema
              ? { content: { 'application/json': { schema: jsonSchema(r.schema) } } }
              : {}),
          },
        ]),
      ),
      ...(route.public ? { security: [] } : {}),
    };
    (paths[`/api${openApiPath(route.path)}`] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    // Relative: the document describes whichever server serves it.
    servers: [{ url: '/' }],
    info: {
      title: 'mentorflow API',
      version,
      description:
        "mentorflow's own routes: mentoring sessions, implementation workflow runs, webhooks. Mastra's standard API is described at /api/openapi.json.",
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(errorBodySchema) },
    },
    security: [{ bearer: [] }],
    paths,
  };
}

/** The one error body every route returns. */
export const errorBodySchema = z.object({
  error: z
    .object({ code: z.string(), message: z.string(), field: z.string().optional() })
    .catchall(z.unknown()),
});
