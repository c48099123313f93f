/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../integration/notify/support/receivers.ts';
import { apiClient, type Api } from '../support/api-client.ts';
import { cartStory } from '../support/cart-story.ts';
import { focusOutline, poll, pageErrors, screenshot, signedIn, tabTo } from './support/browser.ts';
import {
  inboxOf,
  type PagesServer,
  pagesEnv,
  startPages,
  stopPages,
} from './support/pages-server.ts';

/**
 * The escalations inbox in headless Chromium against `mentorflow start` (rules mode): a webhook
 * receiver that is down when the escalation is raised (one attempt per round, so it is
 * dead-lettered at once) and the operator's Retry once it is back; a resolved escalation's actions;
 * the inbox used with the keyboard alone.
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
  return (await escalation()).id;
}

/** Ana despairs in a new session: the session and its escalation. */
async function escalation(): Promise<{ sessionId: string; id: string }> {
  const created = await ana.post('/sessions', { learnerId: 'ana', story: cartStory });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sessionId = created.body.id as string;
  const said = await ana.post(`/sessions/${sessionId}/messages`, {
    text: 'I give up, this is hopeless',
  });
  expect(said.status, JSON.stringify(said.body)).toBe(200);
  const listed = await pages.ops.get(`/escalations?sessionId=${sessionId}`);
  expect(listed.body.escalations).toHaveLength(1);
  return { sessionId, id: String(listed.body.escalations[0].id) };
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

  it('has no actions on a resolved escalation; an action from a page opened before it was resolved shows the 409 once', async () => {
    const id = await escalate();
    const { context, page } = await signedIn(pages.browser, pages.server.url, 'ops-key');
    await page.goto(`/console/escalations/${id}`);
    await page.waitForSelector('body[data-live="connected"]');
    // The operator starts typing a note (a live refresh keeps an item being worked in) …
    await page.getByLabel('Resolution note (optional)').fill('Paired with Ana');
    // … while another operator resolves it.
    const resolved = await pages.ops.post(`/escalations/${id}/resolve`, { by: 'omar' });
    expect(resolved.status).toBe(200);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await poll(() => page.locator('#action-status').textContent()).toBe(
      `Conflict (409): escalation ${id} is resolved: it cannot be resolved again`,
    );
    // Then the item shows where things stand: resolved, with no action left, and the 409 once.
    const item = page.locator('#escalations > li');
    await poll(() => item.locator('form[data-escalation]').count()).toBe(0);
    await expect(item.locator('.resolved-note').textContent()).resolves.toMatch(
      /^Resolved by omar .*: nothing more to do here\.$/,
    );
    expect(await page.getByText('Conflict (409)').count()).toBe(1);
    await screenshot(page, 'console-escalation-409');
    // Opened afresh, a resolved escalation offers no action at all.
    await page.goto(`/console/escalations/${id}`);
    expect(await page.locator('#escalations > li form[data-escalation]').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps the focus and every key typed in a reply while a live update brings a new escalation', async () => {
    const first = await escalation();
    const { context, page } = await signedIn(pages.browser, pages.server.url, 'ops-key');
    await page.goto('/console/escalations?status=all');
    await page.waitForSelector('body[data-live="connected"]');
    await page.focus(`#reply-${first.id}`);
    await page.keyboard.type('Hi Ana, ');
    // Another learner's escalation arrives: the list is refreshed around the item being typed in.
    const second = await escalation();
    await page.waitForSelector(`#escalation-${second.id}`);
    await page.keyboard.type('which test fails first?');
    expect(await page.inputValue(`#reply-${first.id}`)).toBe('Hi Ana, which test fails first?');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`reply-${first.id}`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('is usable with the keyboard only: Tab to acknowledge and to the reply, Enter submits (without crypto.randomUUID)', async () => {
    const { sessionId, id } = await escalation();
    // As on plain HTTP to another host: the reply's idempotency key must not need randomUUID.
    const context = await pages.browser.newContext({ baseURL: pages.server.url });
    await context.addInitScript(() => {
      delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/console/escalations?status=all&sessionId=${sessionId}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await tabTo(page, '#key');
    await page.keyboard.type('ops-key');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/console/escalations');
    await page.waitForSelector('body[data-live="connected"]');

    await tabTo(page, `form[data-action="acknowledge"][data-escalation="${id}"] button`);
    expect((await focusOutline(page)).style).toBe('solid');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#action-status').textContent()).toBe('Acknowledged.');
    await poll(() => page.locator(`#escalation-${id}`).textContent()).toContain(
      'acknowledged by operator',
    );

    const reply = 'Hi Ana, Omar here: which test fails first?';
    await tabTo(page, `#reply-${id}`);
    await page.keyboard.type(reply);
    await tabTo(page, `form[data-action="reply"][data-escalation="${id}"] button`);
    expect((await focusOutline(page)).style).toBe('solid');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#action-status').textContent()).toBe(
      'Reply sent to the learner.',
    );
    await poll(async () =>
      (await inboxOf(pages.ops, sessionId))
        .filter((e) => e.type === 'mentor-message')
        .map((e) => (e.data ?? e.payload)?.text),
    ).toEqual([reply]);
    expect((await pages.ops.get(`/escalations/${id}`)).body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'operator',
    });
    await screenshot(page, 'console-inbox-keyboard');
    expect(errors).toEqual([]);
    await context.close();
  });
});
