/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../integration/notify/support/receivers.ts';
import { apiClient, type Api } from '../support/api-client.ts';
import { cartStory } from '../support/cart-story.ts';
import { poll, pageErrors, screenshot, signedIn } from './support/browser.ts';
import { type PagesServer, pagesEnv, startPages, stopPages } from './support/pages-server.ts';

/**
 * The escalations inbox in headless Chromium against `mentorflow start` (rules mode): a webhook
 * receiver that is down when the escalation is raised (one attempt per round, so it is
 * dead-lettered at once) and the operator's Retry once it is back.
 */
let pages: PagesServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let ana: Api;

beforeAll(async () => {
  receiver = await startReceiver();
  await receiver.down();
  pages = await startPages({
    ...pagesEnv,
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook`,
    NOTIFY_MAX_ATTEMPTS: '1',
  });
  ana = apiClient(pages.server.url, 'ana-key');
});
afterAll(async () => {
  await stopPages(pages);
  await receiver?.close();
});

/** Ana despairs in a new session: its escalation's id. */
async function escalate(): Promise<string> {
  const created = await ana.post('/sessions', { learnerId: 'ana', story: cartStory });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sessionId = created.body.id as string;
  const said = await ana.post(`/sessions/${sessionId}/messages`, {
    text: 'I give up, this is hopeless',
  });
  expect(said.status, JSON.stringify(said.body)).toBe(200);
  const listed = await pages.ops.get(`/escalations?sessionId=${sessionId}`);
  expect(listed.body.escalations).toHaveLength(1);
  return String(listed.body.escalations[0].id);
}

describe('the escalations inbox', () => {
  it('sends a dead-lettered delivery again from its Retry button once the receiver is back', async () => {
    const id = await escalate();
    const { context, page } = await signedIn(pages.browser, pages.server.url, 'ops-key');
    await page.goto(`/console/escalations/${id}`);
    await page.waitForSelector('body[data-live="connected"]');
    const row = page.locator('#escalations table.deliveries tbody tr', { hasText: 'webhook' });
    await poll(() => row.textContent()).toMatch(/dead.*ECONNREFUSED/s);
    const retry = row.getByRole('button', { name: /^Retry delivery \d+ to / });
    await screenshot(page, 'console-escalation-dead');

    await receiver.up();
    await retry.click();
    await poll(() => page.locator('#action-status').textContent()).toMatch(
      /^Delivery \d+ queued again\.$/,
    );
    await poll(() => row.textContent()).toContain('delivered');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('2');
    expect(await row.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    expect(
      receiver.received.filter((r) => r.path === '/hook' && String(r.json.escalation?.id) === id),
    ).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
