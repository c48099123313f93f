import { SERVER_ROUTES } from '@mastra/server/server-adapter';
import { describe, expect, it } from 'vitest';
import { routeDefinitions } from '../../../src/http/routes/index.ts';

/** Could one concrete request path match both patterns? (`:param` matches any one segment.) */
function overlap(a: string, b: string): boolean {
  const sa = a.split('/').filter(Boolean);
  const sb = b.split('/').filter(Boolean);
  return (
    sa.length === sb.length &&
    sa.every((s, i) => s === sb[i] || s.startsWith(':') || sb[i]!.startsWith(':'))
  );
}

describe('mentorflow routes beside Mastra’s standard API', () => {
  const mastraRoutes = SERVER_ROUTES.map((r) => ({
    method: r.method.toUpperCase(),
    path: `/api${r.path}`,
  }));

  it('knows Mastra’s routes (the check below is not vacuous)', () => {
    expect(mastraRoutes.length).toBeGreaterThan(100);
    expect(mastraRoutes).toContainEqual({
      method: 'POST',
      path: '/api/workflows/:workflowId/restart',
    });
  });

  it('no route of ours shadows a standard route, except declared fall-through routes', () => {
    const collisions = routeDefinitions.flatMap((route) =>
      mastraRoutes
        .filter((m) => m.method === route.method && overlap(`/api${route.path}`, m.path))
        .map((m) => ({
          ours: `${route.method} /api${route.path}`,
          theirs: `${m.method} ${m.path}`,
          fallsThrough: Boolean(route.fallsThrough),
        })),
    );
    expect(collisions.filter((c) => !c.fallsThrough)).toEqual([]);
    // The one known overlap, handled by falling through for ids that are not ours.
    expect(collisions.map((c) => c.ours)).toEqual(['POST /api/workflows/:id/restart']);
  });

  it('documents every route in the OpenAPI document', async () => {
    const openapi = routeDefinitions.find((r) => r.path === '/mentorflow/openapi.json')!;
    const res = (await openapi.handle({} as never))!;
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of routeDefinitions) {
      const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
      expect(doc.paths[path], path).toHaveProperty(route.method.toLowerCase());
    }
    expect(JSON.stringify(doc.paths['/api/sessions/{id}/events'])).toContain('allowed');
  });
});
