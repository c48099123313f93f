/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lowContrastTexts, screenshot, signedIn } from './support/browser.ts';
import { apiClient } from '../support/api-client.ts';
import { inboxOf, type PagesServer, startPages, stopPages } from './support/pages-server.ts';
import { healthStory as story } from './support/stories.ts';

/**
 * What the pages refuse (learner keys on the console, other learners' sessions, unknown ids,
 * cross-origin writes with the sign-in cookie), and the page weight, CSP and contrast budgets — in
 * headless Chromium against `mentorflow start`.
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

describe('what the pages refuse', () => {
  it('a learner key gets a 403 page on the console; unknown or other learners’ ids get 404 pages', async () => {
    const ana = await signedIn(browser, server.url, 'ana-key');
    for (const path of ['/console', '/console/runs', '/console/escalations', '/console/live']) {
      const res = await ana.page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
    await expect(ana.page.locator('[role="alert"]').textContent()).resolves.toContain(
      'operator key',
    );
    await screenshot(ana.page, 'console-403');

    await ana.page.goto('/chat');
    await ana.page.getByRole('button', { name: 'Start session' }).click();
    await ana.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const anasSession = ana.page.url();

    const bob = await signedIn(browser, server.url, 'bob-key');
    expect((await bob.page.goto(anasSession))?.status()).toBe(404);
    expect((await bob.page.goto(`${anasSession}/live`))?.status()).toBe(404);
    expect((await bob.page.goto(`/chat/${randomUUID()}`))?.status()).toBe(404);
    expect((await bob.page.goto('/chat/not-a-session'))?.status()).toBe(404);

    const operator = await signedIn(browser, server.url, 'ops-key');
    expect((await operator.page.goto(`/console/sessions/${randomUUID()}`))?.status()).toBe(404);
    expect((await operator.page.goto('/console/sessions/nope'))?.status()).toBe(404);
    expect((await operator.page.goto('/console/escalations/999999'))?.status()).toBe(404);
    expect((await operator.page.goto('/console/nothing-here'))?.status()).toBe(404);
    await screenshot(operator.page, 'console-404');
    // An operator may open any session's chat (to see what the learner sees).
    expect((await operator.page.goto(anasSession))?.status()).toBe(200);
    for (const context of [ana.context, bob.context, operator.context]) await context.close();
  });

  it('a wrong key is refused at sign-in; without the cookie pages send to sign-in', async () => {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/console/runs');
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.getByLabel('API key').fill('not-a-key');
    const res = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/signin') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(res[0].status()).toBe(401);
    await expect(page.locator('#signin-error').textContent()).resolves.toContain('not valid');
    await page.getByLabel('API key').fill('ops-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back to where the browser was going.
    await page.waitForURL((url) => url.pathname === '/console/runs');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    expect((await context.cookies()).find((c) => c.name === 'mentorflow_key')).toBeUndefined();
    await context.close();
  });

  it('the API takes the sign-in cookie only from this origin for writes (CSRF)', async () => {
    const created = await apiClient(server.url, 'ana-key').post('/sessions', {
      learnerId: 'ana',
      story,
    });
    expect(created.status).toBe(201);
    const url = `${server.url}/api/sessions/${created.body.id}/messages`;
    const cookie = { cookie: 'mentorflow_key=ana-key', 'content-type': 'application/json' };
    const body = JSON.stringify({ text: 'hello' });
    const origin = new URL(server.url).origin;

    const crossSite = await fetch(url, {
      method: 'POST',
      headers: { ...cookie, 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatchObject({ code: 'FORBIDDEN', field: 'origin' });
    const noOrigin = await fetch(url, { method: 'POST', headers: cookie, body });
    expect(noOrigin.status).toBe(403);
    const otherOrigin = await fetch(url, {
      method: 'POST',
      headers: { ...cookie, origin: 'http://127.0.0.1:1' },
      body,
    });
    expect(otherOrigin.status).toBe(403);
    // Nothing was stored by the refused writes.
    expect((await inbox(created.body.id)).filter((e) => e.type === 'learner-message')).toEqual([]);

    const sameOrigin = await fetch(url, { method: 'POST', headers: { ...cookie, origin }, body });
    expect(sameOrigin.status).toBe(200);
    const read = await fetch(`${server.url}/api/sessions/${created.body.id}`, {
      headers: { cookie: 'mentorflow_key=ana-key' },
    });
    expect(read.status).toBe(200);
    // A learner cookie is still a learner key: runs need an operator.
    const runs = await fetch(`${server.url}/api/workflows/implementation/metrics`, {
      headers: { cookie: 'mentorflow_key=ana-key' },
    });
    expect(runs.status).toBe(403);
    const wrong = await fetch(`${server.url}/api/sessions/${created.body.id}`, {
      headers: { cookie: 'mentorflow_key=nope' },
    });
    expect(wrong.status).toBe(401);

    const signIn = await fetch(`${server.url}/signin`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://evil.example',
      },
      body: 'key=ops-key',
      redirect: 'manual',
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get('set-cookie')).toBeNull();
  });

  it('every page and asset stays under 50 KB, sends a strict content security policy, and has text of 4.5:1 contrast', async () => {
    const { context, page } = await signedIn(browser, server.url, 'ops-key');
    const created = await ops.post('/sessions', { learnerId: 'ana', story });
    const sizes: Record<string, number> = {};
    for (const path of [
      '/signin',
      '/console',
      `/console/sessions/${created.body.id}`,
      '/console/escalations',
      '/console/runs',
      '/chat',
      `/chat/${created.body.id}`,
      '/assets/style.css',
      '/assets/console.js',
      '/assets/chat.js',
      '/assets/uuid.js',
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      sizes[path] = (await res!.body()).length;
      if (!path.startsWith('/assets/')) {
        expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
        expect(await lowContrastTexts(page), path).toEqual([]);
      }
    }
    for (const [path, bytes] of Object.entries(sizes)) expect(bytes, path).toBeLessThan(50_000);
    // The check itself finds pale text.
    await page.goto('/console');
    await page.evaluate(() => {
      const pale = document.createElement('p');
      pale.textContent = 'pale grey text';
      pale.style.color = '#aaaaaa';
      document.querySelector('main')!.append(pale);
    });
    expect(await lowContrastTexts(page)).toEqual([{ text: 'pale grey text', ratio: 2.32 }]);
    console.log(`page sizes (bytes): ${JSON.stringify(sizes)}`);
    await context.close();
  });
});
