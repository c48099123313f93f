/**
 * The operator console's view of user-defined workflows (issue 14: analytics "shown in the operator
 * console"): the list of definitions, and one definition's analytics, recommendations and runs,
 * rendered by `mentorflow start` from what the API stored and ran.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { apiClient, pollUntil, type Api } from './support/api-client.ts';

let server: CliProcess & { url: string };
let api: Api;

beforeAll(async () => {
  server = await startServer({
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    TIME_SCALE: '0.01',
    MENTORFLOW_API_KEYS: 'ops-key,learner-key:learner-1',
  });
  api = apiClient(server.url, 'ops-key');
});
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

const page = (path: string, key = 'ops-key') =>
  fetch(`${server.url}${path}`, {
    headers: { cookie: `mentorflow_key=${key}` },
    redirect: 'manual',
  });

describe('console: user-defined workflows', () => {
  it('lists definitions and shows one with its runs, step analytics and recommendations', async () => {
    const empty = await page('/console/workflows');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('No workflow is defined yet');

    const created = await api.fetch('/workflow-definitions', {
      method: 'POST',
      body: readFileSync(join(repoRoot, 'examples', 'workflows', 'sequential.yaml'), 'utf8'),
      headers: { 'content-type': 'application/yaml' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = await api.post(`/workflow-definitions/${id}/runs`, {
        request: `Add CSV export ${i}`,
      });
      expect(started.status).toBe(202);
      runs.push(started.body.id);
    }
    for (const run of runs)
      await pollUntil(
        async () => (await api.get(`/workflow-runs/${run}`)).body,
        (r) => ['completed', 'failed', 'cancelled'].includes(r.status),
        20_000,
      );

    const list = await (await page('/console/workflows')).text();
    expect(list).toContain(`href="/console/workflows/${id}"`);
    expect(list).toMatch(/aria-current="page">Workflows</);

    const res = await page(`/console/workflows/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const analytics = (await api.get(`/workflow-definitions/${id}/analytics`)).body;
    expect(html).toContain(`<dd id="w-runs">${analytics.runs}</dd>`);
    expect(analytics.runs).toBe(3);
    // Every step the analytics counted has its row; every run its row; the trend its day.
    for (const step of analytics.steps as { step: string }[])
      expect(html).toContain(`data-step="${step.step}"`);
    for (const run of runs) expect(html).toContain(`data-run="${run}"`);
    expect(html).toContain(analytics.trend[0].day);
    // The recommendations the API gives are the ones shown.
    for (const r of analytics.recommendations as { type: string }[])
      expect(html).toContain(`data-type="${r.type}"`);
    if (!analytics.recommendations.length) expect(html).toContain('No recommendation.');
  });

  it('answers an unknown definition with the 404 page, and a learner key with 403', async () => {
    const missing = await page('/console/workflows/no-such-workflow');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no workflow definition');
    expect((await page('/console/workflows', 'learner-key')).status).toBe(403);
  });
});
