/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type FakeReply,
  type RecordedRequest,
} from '../../helpers/fake-openai-server.ts';
import { startServer, type CliProcess } from '../../helpers/spawn-cli.ts';
import { startReceiver } from '../../integration/notify/support/receivers.ts';
import { apiClient, pollUntil, type Api } from '../support/api-client.ts';
import { launchBrowser, pageErrors, poll, screenshot, signedIn } from './support/browser.ts';

/**
 * The runs dashboard's alerts, each brought about for real: a model that never answers holds a run
 * in its plan phase (stuck), insecure plans fail their review (failure rate), and an approval left
 * unanswered past its scaled timeout (24 h × TIME_SCALE ≈ 4 s) is overdue. The console shows each,
 * and the approval request's webhook delivery, dead-lettered while the receiver is down, among the
 * undelivered notifications, with a Retry that delivers it once the receiver is back.
 */
const timeScale = 0.00005;

const plan = {
  summary: 'Export the visible columns as CSV, streamed',
  steps: [
    { title: 'Route', detail: 'Add GET /reports/:id.csv', verification: 'a test downloads it' },
    { title: 'Stream', detail: 'Write rows as they are read', verification: 'memory stays flat' },
  ],
  risks: ['large reports'],
  successMetrics: ['the CSV matches the table'],
};
const review = {
  score: 90,
  verdict: 'goodPlan',
  criteria: [],
  missingSteps: [],
  concerns: [],
  reply: 'Fine.',
};
const implementation = {
  implementation: 'export function csv() {}',
  documentation: 'CSV export.',
  tests: ['Exports the visible columns'],
  notes: [],
};

/** HANG in the request: never answer; BROKEN: refuse; else answer by the schema's shape. */
function answer(request: RecordedRequest): FakeReply {
  const text = JSON.stringify(request.body ?? {});
  if (text.includes('HANG')) return { hang: true };
  if (text.includes('BROKEN'))
    return { status: 401, body: { error: { message: 'invalid api key', type: 'auth' } } };
  const format = request.responseFormat as
    | { json_schema?: { schema?: { properties?: Record<string, unknown> } } }
    | undefined;
  const properties = Object.keys(format?.json_schema?.schema?.properties ?? {});
  if (properties.includes('implementation')) return { json: implementation };
  if (properties.includes('verdict')) return { json: review };
  if (properties.includes('changes')) return { json: { ...plan, changes: [] } };
  if (properties.includes('steps')) return { json: plan };
  return { status: 400, body: { error: { message: `unexpected: ${properties.join(',')}` } } };
}

let fake: FakeOpenAIServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let server: CliProcess & { url: string };
let browser: Browser;
let api: Api;

beforeAll(async () => {
  fake = await startFakeOpenAIServer({ respond: answer });
  receiver = await startReceiver();
  await receiver.down();
  [server, browser] = await Promise.all([
    startServer({
      NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook`,
      NOTIFY_MAX_ATTEMPTS: '2',
      MODEL: 'openai/gpt-4o-mini',
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: fake.baseURL,
      MODEL_TIMEOUT_MS: '600000',
      TIME_SCALE: String(timeScale),
      MENTORFLOW_API_KEYS: 'ops-key',
    }),
    launchBrowser(),
  ]);
  api = apiClient(server.url, 'ops-key');
});
afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await fake?.close();
  await receiver?.close();
});

/** The words (runs of non-space) in the elements matching `selector` that a line break cuts. */
function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

const start = async (request: string, extra: Record<string, unknown> = {}) => {
  const res = await api.post('/workflows/implementation', {
    request,
    requirements: ['Exports the visible columns'],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body.id as string;
};
const statusOf = async (id: string) => (await api.get(`/workflows/${id}/status`)).body.status;

describe('runs dashboard alerts', () => {
  it('shows stuck runs, a high failure rate and approvals waiting past their time', async () => {
    const { context, page } = await signedIn(browser, server.url, 'ops-key');
    await page.goto('/console/runs');
    await expect(page.locator('#alerts').textContent()).resolves.toBe('No alert.');
    await page.waitForSelector('body[data-live="connected"]');

    const stuck = await start('HANG while planning');
    const waiting = await start('Add CSV export', { approval: true });
    // The model refuses, so the rules fallback reviews these insecure plans: each fails its review.
    const insecure = (n: number) =>
      start(`BROKEN ${n}: store user passwords in plain text in the config file`, {
        requirements: ['Build the SQL query from the user input string'],
        maxRefinements: 0,
      });
    const failed = await Promise.all([insecure(1), insecure(2), insecure(3)]);
    for (const id of failed)
      expect(
        await pollUntil(
          () => statusOf(id),
          (s) => s !== 'queued' && s !== 'in_progress',
          30_000,
        ),
      ).toBe('failed');
    await pollUntil(
      () => statusOf(waiting),
      (s) => s === 'awaiting_approval',
      30_000,
    );
    expect(await statusOf(stuck)).toBe('in_progress');

    // The page follows without a reload.
    const alerts = page.locator('#alerts');
    await poll(() => alerts.locator('[data-kind="failure-rate"]').textContent()).toContain(
      '3 of 3 runs finished in the last 24 h failed',
    );
    await poll(() => alerts.locator('[data-kind="stuck-runs"]').textContent()).toContain(stuck);
    await poll(() => alerts.locator('[data-kind="overdue-approvals"]').textContent()).toContain(
      waiting,
    );
    await poll(() =>
      page.locator(`#approvals > li[data-key="${waiting}"]`).textContent(),
    ).toContain('overdue');
    // The approval request could not be delivered: dead after its two attempts, shown live.
    const notice = page.locator('#undelivered > li', { hasText: 'approval.requested' });
    await poll(() => notice.textContent()).toContain(waiting);
    const row = notice.locator('table.deliveries tbody tr', { hasText: 'webhook' });
    await poll(() => row.textContent()).toMatch(/dead.*ECONNREFUSED/s);
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('2');
    await screenshot(page, 'console-runs-alerts');
    // The runs table breaks lines between words: only the run ids (code) may break anywhere.
    expect(await wordsBrokenAcrossLines(page, '#runs th, #runs td:not(:first-child)')).toEqual([]);

    // Back up: Retry delivers it, and it leaves the list.
    await receiver.up();
    await row.getByRole('button', { name: /^Retry delivery \d+ to / }).click();
    await poll(() => page.locator('#action-status').textContent()).toMatch(
      /^Delivery \d+ queued again\.$/,
    );
    await poll(() => notice.count()).toBe(0);
    const delivered = receiver.received.filter(
      (r) => r.json.kind === 'approval.requested' && r.json.run?.id === waiting,
    );
    expect(delivered.map((r) => r.status)).toEqual([200]);

    // Rejecting with a comment from the queue ends the waiting run.
    const item = page.locator(`#approvals > li[data-key="${waiting}"]`);
    await item.getByLabel(`Comment for run ${waiting}`).fill('Not this quarter');
    await item.getByRole('button', { name: 'Reject' }).click();
    await poll(() => page.locator('#action-status').textContent()).toBe('Rejected.');
    expect(
      await pollUntil(
        () => statusOf(waiting),
        (s) => s === 'rejected',
        20_000,
      ),
    ).toBe('rejected');
    await poll(() => alerts.locator('[data-kind="overdue-approvals"]').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
