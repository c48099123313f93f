/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusOutline, poll, pageErrors, screenshot, signedIn, tabTo } from './support/browser.ts';
import { inboxOf, type PagesServer, startPages, stopPages } from './support/pages-server.ts';
import { cartStory, healthStory as story } from './support/stories.ts';

/**
 * The learner chat in headless Chromium against `mentorflow start` (rules mode): used with the
 * keyboard only, the ways to start a session, state and progress, and escaping.
 */
let pages: PagesServer;
let server: PagesServer['server'];
let browser: PagesServer['browser'];
let ops: PagesServer['ops'];

beforeAll(async () => {
  pages = await startPages();
  ({ server, browser, ops } = pages);
});
afterAll(() => stopPages(pages));

const inbox = (sessionId: string) => inboxOf(ops, sessionId);

describe('the learner chat', () => {
  it('is usable with the keyboard only: sign in, start, send, "I\u2019m stuck", report a test run', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/chat');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await tabTo(page, '#key');
    await page.keyboard.type('ana-key');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/chat');
    const cookie = (await context.cookies()).find((c) => c.name === 'mentorflow_key');
    expect(cookie).toMatchObject({
      value: 'ana-key',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });

    await tabTo(page, 'button[type="submit"]:not(.signout button)');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start session');
    const outline = await focusOutline(page);
    expect(outline.style).toBe('solid');
    expect(Number.parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    await page.waitForSelector('body[data-live="connected"]');

    await tabTo(page, '#message');
    await page.keyboard.type('The story asks me to page the book list with page and pageSize.');
    await tabTo(page, '#send');
    expect((await focusOutline(page)).style).toBe('solid');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#conversation .msg.you').last().textContent()).toContain(
      'page the book list',
    );
    await poll(() => page.locator('#send').isDisabled()).toBe(false);
    const replies = await page.locator('#conversation .msg.mentor').count();

    // Ctrl+Enter sends from the text box.
    await tabTo(page, '#message');
    await page.keyboard.type('Should pageSize be capped?');
    await page.keyboard.press('Control+Enter');
    await poll(() => page.locator('#conversation .msg.mentor').count()).toBeGreaterThan(replies);

    await tabTo(page, '#stuck');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#conversation .msg.you').last().textContent()).toContain(
      'I’m stuck',
    );
    await poll(async () => (await inbox(sessionId)).map((e) => e.type)).toContain('help-request');

    await tabTo(page, '#activity-output');
    await page.keyboard.type(' Test Files  1 failed (1)\n      Tests  1 failed | 3 passed (4)');
    await tabTo(page, '#report-button');
    await page.keyboard.press('Enter');
    // Either the state takes the report (it shows as reported) or it refuses it with a 409, shown.
    await poll(async () =>
      [
        await page
          .locator('#conversation .msg.activity')
          .last()
          .textContent()
          .catch(() => ''),
        await page.locator('#chat-notice').textContent(),
      ].join(' '),
    ).toMatch(/You reported test-run \(1 failed, 3 passed\)|now possible/);
    const events = await inbox(sessionId);
    const testRun = events.find((e) => e.type === 'test-run');
    if (testRun) expect(testRun.data ?? testRun.payload).toMatchObject({ failed: 1, passed: 3 });
    await screenshot(page, 'chat-keyboard');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('starts a session from pasted markdown or an uploaded file, and re-shows the form on bad input', async () => {
    const { context, page } = await signedIn(browser, server.url, 'ana-key');
    await page.getByLabel('Markdown I paste').check();
    await page.getByRole('button', { name: 'Start session' }).click();
    await expect(page.locator('#start-error').textContent()).resolves.toContain('Paste the story');

    await page.getByLabel('Markdown I paste').check();
    await page.getByLabel(/Story markdown/).fill(story);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Add a health endpoint');

    await page.goto('/chat');
    await page.getByLabel('A file I upload (.md or .yaml)').check();
    await page.getByLabel('Story file').setInputFiles({
      name: 'story.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(story.replace('Add a health endpoint', 'Add a readiness endpoint')),
    });
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Add a readiness endpoint');

    // Resume by URL: the list links to each session, and the URL reopens the conversation.
    const resumed = page.url();
    await page.goto('/chat');
    await expect(page.locator('.sessions').textContent()).resolves.toContain(
      'Add a readiness endpoint',
    );
    await page.goto(resumed);
    await poll(() => page.locator('#conversation .msg.mentor').count()).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the state, the current task and the progress as the session moves', async () => {
    const { context, page } = await signedIn(browser, server.url, 'ana-key');
    await page.getByLabel('Markdown I paste').check();
    await page.getByLabel(/Story markdown/).fill(cartStory);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('body[data-live="connected"]');
    await expect(page.locator('#chat-task').textContent()).resolves.toBe('—');
    const send = async (text: string) => {
      await page.getByLabel('Your message').fill(text);
      await page.getByRole('button', { name: 'Send' }).click();
      await poll(() => page.locator('#conversation .msg.you').last().textContent()).toContain(
        text.slice(0, 20),
      );
      await poll(() => page.locator('#send').isDisabled()).toBe(false);
    };
    await send(
      'I must show the total price of the cart items: the total sums the item prices and an empty cart total is zero.',
    );
    await poll(() => page.locator('#chat-state').textContent()).toBe('PLAN_DECOMPOSITION');
    await send(
      '1. Write a failing test for the total\n2. Sum the item prices\n3. Handle the empty cart as zero',
    );
    await poll(() => page.locator('#chat-state').textContent()).toBe('START_IMPLEMENTATION');
    await poll(() => page.locator('#chat-task').textContent()).toContain(
      'Write a failing test for the total',
    );
    await poll(() => page.locator('#chat-progress-text').textContent()).toBe('task 1 of 3');
    await screenshot(page, 'chat-progress');
    // The same after a reload (resume by URL).
    await page.reload();
    await expect(page.locator('#chat-progress-text').textContent()).resolves.toBe('task 1 of 3');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('works where crypto.randomUUID is missing (plain HTTP on a non-loopback host): sends a message and "I\u2019m stuck"', async () => {
    // Browsers only give crypto.randomUUID to secure origins; the message ids must not need it.
    const context = await browser.newContext({ baseURL: server.url });
    await context.addInitScript(() => {
      delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const sentIds: string[] = [];
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        /\/api\/sessions\/[^/]+\/(messages|events)$/.test(request.url())
      )
        sentIds.push((request.postDataJSON() as { id: string }).id);
    });
    await page.goto('/signin');
    await page.getByLabel('API key').fill('ana-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/chat');
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const sessionId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.evaluate(() => typeof crypto.randomUUID)).toBe('undefined');
    const mentorReplies = await page.locator('#conversation .msg.mentor').count();

    await page.getByLabel('Your message').fill('The story asks me to page the book list.');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#conversation .msg.mentor').count()).toBeGreaterThan(
      mentorReplies,
    );
    await poll(() => page.locator('#send').isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'I’m stuck' }).click();
    await poll(async () => (await inbox(sessionId)).map((e) => e.type)).toContain('help-request');
    await poll(() => page.locator('#send').isDisabled()).toBe(false);
    const events = await inbox(sessionId);
    const message = events.find((e) => e.type === 'learner-message');
    expect((message?.data ?? message?.payload)?.text).toBe(
      'The story asks me to page the book list.',
    );
    // The ids the page sent are v4 UUIDs, like crypto.randomUUID's, one per message.
    expect(sentIds).toHaveLength(2);
    expect(new Set(sentIds).size).toBe(2);
    for (const id of sentIds)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(page.locator('#chat-notice').textContent()).resolves.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('escapes what people type: markup in a message stays text in the chat and the console', async () => {
    const ana = await signedIn(browser, server.url, 'ana-key');
    await ana.page.getByRole('button', { name: 'Start session' }).click();
    await ana.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const sessionId = new URL(ana.page.url()).pathname.split('/').pop()!;
    const markup = '<img src=x onerror="window.pwned=1"> <b>bold</b> </script>';
    await ana.page.getByLabel('Your message').fill(markup);
    await ana.page.getByRole('button', { name: 'Send' }).click();
    await poll(() => ana.page.locator('#send').isDisabled()).toBe(false);
    await ana.page.reload();
    await expect(ana.page.locator('#conversation').textContent()).resolves.toContain(markup);
    expect(await ana.page.locator('#conversation img, #conversation b').count()).toBe(0);

    const operator = await signedIn(browser, server.url, 'ops-key');
    await operator.page.goto(`/console/sessions/${sessionId}`);
    await expect(operator.page.locator('#timeline').textContent()).resolves.toContain(markup);
    expect(await operator.page.locator('#timeline img, #timeline b').count()).toBe(0);
    expect(await operator.page.evaluate(() => (window as { pwned?: number }).pwned)).toBe(
      undefined,
    );
    await ana.context.close();
    await operator.context.close();
  });
});
