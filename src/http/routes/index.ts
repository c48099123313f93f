import type { Hono } from 'hono';
import { appVersion } from '../../paths.ts';
import {
  defineRoute,
  mountRoutes,
  openApiDocument,
  type AppEnv,
  type RouteDefinition,
} from '../route.ts';
import { deliveryRoutes } from './deliveries.ts';
import { escalationRoutes } from './escalations.ts';
import { runRoutes } from './runs.ts';
import { sessionRoutes } from './sessions.ts';
import { webhookRoutes } from './webhooks.ts';
import { workflowDefinitionRoutes } from './workflow-definitions.ts';
import { workflowRunRoutes } from './workflow-runs.ts';

/** Every route mentorflow adds under `/api`, besides Mastra's standard API. */
export const routeDefinitions: RouteDefinition<any, any, any>[] = [
  ...sessionRoutes,
  ...runRoutes,
  ...webhookRoutes,
  ...escalationRoutes,
  ...deliveryRoutes,
  ...workflowDefinitionRoutes,
  ...workflowRunRoutes,
  defineRoute({
    method: 'GET',
    path: '/mentorflow/openapi.json',
    summary: 'This document',
    tags: ['meta'],
    responses: { 200: { description: 'OpenAPI 3.1' } },
    handle: () => Response.json(openApiDocument(routeDefinitions, appVersion)),
  }),
];

/** Mount mentorflow's own `/api` routes (before Mastra's). */
export function apiRoutes(app: Hono<AppEnv>): void {
  mountRoutes(app, routeDefinitions);
}
