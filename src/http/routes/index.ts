import type { Hono } from 'hono';
import type { AuthVariables } from '../api-keys.ts';

/** mentorflow's own `/api` routes (sessions, implementation runs, webhooks), mounted before Mastra's. */
export function apiRoutes(app: Hono<{ Variables: AuthVariables }>): void {
  void app;
}
