import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../../helpers/spawn-cli.ts';
import { launchBrowser, pageErrors, poll, screenshot, signedIn } from './support/browser.ts';
import { type GatedModel, startGatedModel } from './support/gated-model.ts';

/**
 * The chat shows a reply while the model is still writing it: the model server stops partway
 * through its streamed answer, the page already shows the reply streamed so far (nothing is
 * committed yet), and once the model finishes, the committed reply replaces the streamed text.
 */
const reply =
  'You have the paging part right: page and pageSize come from the query. Now tell me what happens with a page past the end.';
/** The reply comes first: the model stops after it, before the rest of the answer. */
const assessment = {
  reply,
  verdict: 'partialUnderstanding',
  confidence: 0.6,
  coveredPoints: ['page and pageSize parameters'],
  missingPoints: ['a page past the end returns an empty list'],
  wrongPoints: [],
};

const story = `---
title: Page the book list
---
# Page the book list

Return \`GET /books\` one page at a time.

## Acceptance criteria

- \`page\` and \`pageSize\` query parameters choose the page
- A page past the end is an empty list
`;

let model: GatedModel;
let server: CliProcess & { url: string };
let browser: Browser;
/** The session the first test streams in (the second reads its timeline). */
let sessionId: string;

beforeAll(async () => {
  model = await startGatedModel(assessment, '"verdict"');
  [server, browser] = await Promise.all([
    startServer({
      MODEL: 'openai/gpt-4o-mini',
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: model.baseURL,
      TIME_SCALE: '1',
      MENTORFLOW_API_KEYS: 'ana-key:ana,ops-key',
    }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await model?.close();
});

describe('streamed replies in the chat', () => {
  it('shows the reply as the model writes it, then the committed reply', async () => {
    const { context, page } = await signedIn(browser, server.url, 'ana-key');
    // A story without a reference solution: this test is about streaming, not the leak guard.
    await page.getByLabel('Markdown I paste').check();
    await page.getByLabel(/Story markdown/).fill(story);
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    sessionId = new URL(page.url()).pathname.split('/').pop()!;
    const before = await page.locator('#conversation .msg.mentor').count();

    await page.getByLabel('Your message').fill('Return the books one page at a time.');
    await page.getByRole('button', { name: 'Send' }).click();
    await model.halfway;
    // The model has written the reply but not the rest of its answer, so nothing is committed:
    // the page shows the streamed text in a busy bubble, and the learner cannot send yet.
    const streaming = page.locator('#conversation .msg.mentor[aria-busy="true"] .text');
    await poll(() => streaming.textContent()).toContain('You have the paging part right');
    expect(await page.locator('#send').isDisabled()).toBe(true);
    await screenshot(page, 'chat-streaming-halfway');

    model.release();
    await poll(() => page.locator('#conversation .msg.mentor[aria-busy="true"]').count()).toBe(0);
    const replies = page.locator('#conversation .msg.mentor');
    await poll(() => replies.count()).toBeGreaterThan(before);
    const texts = await replies.allTextContents();
    expect(texts.some((t) => t.includes(reply))).toBe(true);
    expect(await page.locator('#send').isDisabled()).toBe(false);
    await screenshot(page, 'chat-streaming-done');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);

  it('the console timeline says who answered each agent call: the model, then the rules fallback once the model fails', async () => {
    // The model server answers every request after its one streamed answer with a 500.
    const { context, page } = await signedIn(browser, server.url, 'ana-key');
    await page.goto(`/chat/${sessionId}`);
    const before = await page.locator('#conversation .msg.mentor').count();
    await page.getByLabel('Your message').fill('A page past the end returns an empty list.');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => page.locator('#conversation .msg.mentor').count()).toBeGreaterThan(before);
    await poll(() => page.locator('#send').isDisabled()).toBe(false);
    await context.close();

    const operator = await signedIn(browser, server.url, 'ops-key');
    await operator.page.goto(`/console/sessions/${sessionId}`);
    const callsOf = async (text: string) => {
      const item = operator.page.locator('#timeline > li', { hasText: text });
      return (await item.locator('table.calls tbody tr').all()).map(async (row) => ({
        model: await row.locator('td').nth(1).textContent(),
        answeredBy: (await row.locator('td').last().textContent())?.trim(),
      }));
    };
    const streamed = await Promise.all(await callsOf('Return the books one page at a time.'));
    expect(streamed).toContainEqual({ model: 'openai/gpt-4o-mini', answeredBy: 'model' });
    const failed = await Promise.all(await callsOf('A page past the end returns an empty list.'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((c) => c.answeredBy === 'rules fallback')).toBe(true);
    await screenshot(operator.page, 'console-timeline-fallback');
    expect(pageErrors(operator.page)).toEqual([]);
    await operator.context.close();
  }, 60_000);
});
