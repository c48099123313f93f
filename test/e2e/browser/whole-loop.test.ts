/// <reference lib="dom" />
// Code passed to page.evaluate runs in the browser: DOM types for it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../../helpers/spawn-cli.ts';
import { startSmtp } from '../../integration/notify/support/receivers.ts';
import { apiClient, pollUntil, type Api } from '../support/api-client.ts';
import { launchBrowser, pageErrors, poll, screenshot, signedIn } from './support/browser.ts';

/**
 * The whole loop of issue 12 in headless Chromium against `mentorflow start` (rules mode, real
 * PostgreSQL): a learner chats through /chat to a blocker, the escalation appears live in /console
 * and reaches the on-call person by webhook and e-mail (a real SMTP server in-process), the operator
 * replies as mentor, the learner's page shows the reply; an approval given from the console completes
 * an implementation run.
 */
const env = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TIME_SCALE: '1',
  MENTORFLOW_API_KEYS: 'ops-key,ana-key:ana',
  NOTIFY_WEBHOOK_SECRET: 'hook-secret',
  NOTIFY_RETRY_BASE: '1s',
};

/**
 * A real webhook receiver that is down (503) for the first two escalation deliveries, then takes
 * them: the console shows the failing channel's last error, then the delivery.
 */
interface Received {
  at: number;
  status: number;
  type: string;
}
const received: Received[] = [];
let receiver: Server;

function startReceiver(): Promise<string> {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const type = (JSON.parse(body || '{}') as { type?: string }).type ?? 'unknown';
      const failures = received.filter((r) => r.type === 'escalation' && r.status === 503).length;
      const status = type === 'escalation' && failures < 2 ? 503 : 200;
      received.push({ at: Date.now(), status, type });
      res.writeHead(status).end(status === 503 ? 'receiver down for maintenance' : 'ok');
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`),
    ),
  );
}

let server: CliProcess & { url: string };
let browser: Browser;
let api: Api;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  const hook = await startReceiver();
  smtp = await startSmtp();
  [server, browser] = await Promise.all([
    startServer({
      ...env,
      NOTIFY_WEBHOOK_URLS: hook,
      SMTP_URL: smtp.url,
      SMTP_FROM: 'mentorflow <alerts@mentorflow.test>',
      ONCALL_EMAILS: 'oncall@mentorflow.test',
    }),
    launchBrowser(),
  ]);
  api = apiClient(server.url, 'ops-key');
});
afterAll(async () => {
  await browser?.close();
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await new Promise((resolve) => receiver?.close(resolve));
  await smtp?.close();
});

/** Marks the document, so a test can prove a later change arrived without a reload. */
const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

describe('console and chat in the browser', () => {
  it('a learner escalates from the chat, the operator sees it live and replies, the learner reads the reply', async () => {
    const operator = await signedIn(browser, server.url, 'ops-key');
    expect(new URL(operator.page.url()).pathname).toBe('/console');
    await operator.page.goto('/console/escalations');
    await operator.page.waitForSelector('body[data-live="connected"]');
    await markDocument(operator.page);

    const learner = await signedIn(browser, server.url, 'ana-key');
    const chat = learner.page;
    expect(new URL(chat.url()).pathname).toBe('/chat');
    await screenshot(chat, 'chat-start');
    await chat.getByLabel('An example story').check();
    await chat.getByLabel('Example story', { exact: true }).selectOption('add-pagination.md');
    await chat.getByRole('button', { name: 'Start session' }).click();
    await chat.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const sessionId = new URL(chat.url()).pathname.split('/').pop()!;
    await poll(() => chat.locator('#conversation .msg.mentor').count()).toBeGreaterThan(0);
    await expect(chat.locator('#chat-state').textContent()).resolves.toContain(
      'ASSESS_JUNIOR_CAPABILITY',
    );
    // The reference solution of the example never reaches the browser.
    expect(await chat.content()).not.toContain('z.coerce.number().int().positive()');
    await chat.waitForSelector('body[data-live="connected"]');

    await chat.getByLabel('Your message').fill('I give up, this is hopeless');
    const sentAt = Date.now();
    await chat.getByRole('button', { name: 'Send' }).click();
    await poll(() => chat.locator('#conversation .msg.mentor').last().textContent()).toContain(
      'That sounds really hard',
    );
    // The screenshot shows the escalation landed: the state, and the controls usable again.
    await poll(() => chat.locator('#chat-state').textContent()).toBe('ESCALATE_TO_HUMAN');
    await poll(() => chat.locator('#send').isDisabled()).toBe(false);
    await screenshot(chat, 'chat-escalated');

    // The escalation appears in the operator's inbox without a reload.
    const item = operator.page.locator('#escalations > li', { hasText: 'despairing' });
    await item.waitFor({ timeout: 15_000 });
    expect(await stillSameDocument(operator.page)).toBe(true);
    await expect(item.textContent()).resolves.toContain('ana');
    const escalationId = (await item.getAttribute('data-key'))!;
    // The webhook channel is failing: the inbox shows it retrying with its last error, live, and
    // then delivered once the receiver is back.
    const delivery = item.locator('table.deliveries tbody tr', { hasText: 'webhook' });
    await poll(() => delivery.textContent()).toMatch(/retrying.*503/s);
    await screenshot(operator.page, 'console-escalation-retrying');
    await poll(() => delivery.textContent()).toContain('delivered');
    expect(await stillSameDocument(operator.page)).toBe(true);
    const attempts = received.filter((r) => r.type === 'escalation');
    expect(attempts.map((r) => r.status)).toEqual([503, 503, 200]);
    const delays = attempts.slice(1).map((r, i) => r.at - attempts[i]!.at);
    console.log(
      `escalation webhook: ${attempts.length} attempts, statuses ${attempts.map((r) => r.status).join(',')}, delays between attempts ${delays.join(', ')} ms`,
    );
    await screenshot(operator.page, 'console-escalation-delivered');

    // The on-call person has the escalation by e-mail before anyone answers: no mentor of Ana's has a
    // channel, so level 1 goes to ONCALL_EMAILS.
    const oncallMail = () =>
      smtp.mails.find(
        (m) => m.to.includes('oncall@mentorflow.test') && /learner ana/.test(m.subject),
      );
    await poll(() => oncallMail() !== undefined).toBe(true);
    const mail = oncallMail()!;
    expect(mail.from).toBe('alerts@mentorflow.test');
    expect(mail.subject).toMatch(
      /^\[mentorflow\] Escalation \(level 1, mentor\): learner ana on "Add pagination to the book list endpoint" needs a human: the learner sounds despairing/,
    );
    expect(mail.raw).toContain(`session: ${sessionId}`);
    expect(mail.raw).toContain(`escalation: ${escalationId}`);
    const emailRow = item.locator('table.deliveries tbody tr', { hasText: 'email' });
    await poll(() => emailRow.textContent()).toMatch(/oncall@mentorflow\.test.*delivered/s);
    console.log(
      `escalation e-mail: to ${mail.to.join(', ')}, ${mail.at - sentAt} ms after the learner's message, subject "${mail.subject}"`,
    );

    const reply = 'Hi Ana, this is Maria. Let us pair on it for ten minutes: open the story again.';
    await operator.page.getByLabel('Your name').fill('maria');
    await operator.page.getByLabel('Your name').dispatchEvent('change');
    await item.getByLabel('Reply to learner ana as mentor').fill(reply);
    await item.getByRole('button', { name: 'Send reply' }).click();
    await poll(() => operator.page.locator('#action-status').textContent()).toBe(
      'Reply sent to the learner.',
    );
    // Answered, it has left the open inbox; every escalation shows it acknowledged by maria.
    await poll(() =>
      operator.page.locator(`#escalations > li[data-key="${escalationId}"]`).count(),
    ).toBe(0);
    await operator.page.goto('/console/escalations?status=all');
    await expect(
      operator.page.locator(`#escalation-${escalationId}`).textContent(),
    ).resolves.toContain('acknowledged by maria');
    await screenshot(operator.page, 'console-escalations');

    // The learner's page shows the mentor's reply live, authored by the mentor.
    const human = chat.locator('#conversation .msg.human', { hasText: 'this is Maria' });
    await human.waitFor({ timeout: 15_000 });
    await expect(human.locator('.who').textContent()).resolves.toBe('Mentor maria');
    await screenshot(chat, 'chat-mentor-reply');

    // Acknowledge and resolve from the escalation's own page; a resolved one has no actions left
    // (console-inbox.test.ts shows the 409 of an action from a page opened before it was resolved).
    const detail = operator.page;
    await detail.goto(`/console/escalations/${escalationId}`);
    // Assigning to a mentor who does not exist is refused in the page; to a known one, it sticks.
    expect(
      (
        await api.fetch('/mentors/maria', {
          method: 'PUT',
          body: JSON.stringify({ name: 'Maria' }),
        })
      ).status,
    ).toBe(200);
    await detail.getByLabel('Assign to mentor (id)').fill('nobody');
    await detail.getByRole('button', { name: 'Assign' }).click();
    await poll(() => detail.locator('#action-status').textContent()).toMatch(
      /^Refused \(4\d\d\): /,
    );
    await detail.getByLabel('Assign to mentor (id)').fill('maria');
    await detail.getByRole('button', { name: 'Assign' }).click();
    await poll(() => detail.locator('#action-status').textContent()).toBe('Assigned.');
    await poll(() => detail.locator('#escalations > li').textContent()).toContain(
      'assigned to maria',
    );
    await detail.getByRole('button', { name: `Acknowledge escalation ${escalationId}` }).click();
    await poll(() => detail.locator('#action-status').textContent()).toBe('Acknowledged.');
    await detail.getByLabel('Resolution note (optional)').fill('Paired with Ana');
    await detail.getByRole('button', { name: 'Resolve' }).click();
    await poll(() => detail.locator('#action-status').textContent()).toBe('Resolved.');
    await poll(() => detail.locator('#escalations > li').textContent()).toContain(
      'Resolved by maria',
    );
    expect(await detail.locator('#escalations > li form[data-escalation]').count()).toBe(0);
    await screenshot(detail, 'console-escalation-resolved');
    const stored = await api.get(`/escalations/${escalationId}`);
    expect(stored.body).toMatchObject({ status: 'resolved', acknowledgedBy: 'maria' });

    // The session's timeline: the learner's message, the transition, the mentor's reply, agent calls.
    await detail.goto(`/console/sessions/${sessionId}`);
    const timeline = detail.locator('#timeline');
    await expect(timeline.textContent()).resolves.toContain('I give up, this is hopeless');
    await expect(timeline.textContent()).resolves.toContain('mentor-message');
    await expect(timeline.textContent()).resolves.toContain('by maria');
    await expect(detail.locator('#timeline table.calls').count()).resolves.toBeGreaterThan(0);
    // Rules mode: every agent call was answered by the rules baseline, none by a model.
    const answeredBy = await detail
      .locator('#timeline table.calls tbody tr td:last-child')
      .allTextContents();
    expect(answeredBy.length).toBeGreaterThan(0);
    expect(new Set(answeredBy.map((t) => t.trim()))).toEqual(new Set(['rules (baseline)']));
    await screenshot(detail, 'console-session-timeline');

    // New events appear on the open timeline without a reload.
    await markDocument(detail);
    const before = await timeline.locator('> li').count();
    await chat.getByLabel('Your message').fill('ok, I will read the story again');
    await chat.getByRole('button', { name: 'Send' }).click();
    await poll(() => timeline.locator('> li').count()).toBeGreaterThan(before);
    expect(await stillSameDocument(detail)).toBe(true);

    // The sessions list filters by learner and by "escalated".
    await detail.goto('/console?learner=ana&escalated=yes');
    await expect(detail.locator('#sessions-list').textContent()).resolves.toContain(
      sessionId.slice(0, 8),
    );
    await detail.goto('/console?learner=ana&escalated=no');
    await expect(detail.locator('#sessions-region').textContent()).resolves.toContain(
      'No session matches',
    );
    await detail.goto('/console?state=ESCALATE_TO_HUMAN');
    await expect(detail.locator('#sessions-region').textContent()).resolves.toContain(
      sessionId.slice(0, 8),
    );
    await detail.goto('/console?status=completed');
    await expect(detail.locator('#sessions-region').textContent()).resolves.toContain(
      'No session matches',
    );
    await detail.goto('/console');
    await screenshot(detail, 'console-sessions');

    expect(pageErrors(chat)).toEqual([]);
    expect(pageErrors(operator.page)).toEqual([]);
    await operator.context.close();
    await learner.context.close();
  }, 120_000);

  it('an approval given from the console completes a waiting implementation run', async () => {
    const started = await api.post('/workflows/implementation', {
      request: 'Add CSV export to the reports page',
      requirements: ['Exports the visible columns', 'Streams large reports'],
      approval: true,
    });
    expect(started.status).toBe(202);
    const id = started.body.id as string;
    await pollUntil(
      async () => (await api.get(`/workflows/${id}/status`)).body.status,
      (s) => s === 'awaiting_approval',
      20_000,
    );

    const { context, page } = await signedIn(browser, server.url, 'ops-key');
    await page.goto('/console/runs');
    await page.waitForSelector('body[data-live="connected"]');
    await markDocument(page);
    const item = page.locator(`#approvals > li[data-key="${id}"]`);
    await expect(item.textContent()).resolves.toContain('Add CSV export to the reports page');
    await expect(page.locator('#m-active').textContent()).resolves.toBe('1');
    await screenshot(page, 'console-runs-waiting');

    await item.getByLabel(`Comment for run ${id}`).fill('Plan looks right; ship it');
    await item.getByRole('button', { name: 'Approve' }).click();
    await poll(() => page.locator('#action-status').textContent()).toBe('Approved.');
    const final = await pollUntil(
      async () => (await api.get(`/workflows/${id}/status`)).body.status,
      (s) => ['completed', 'failed', 'rejected'].includes(s),
      20_000,
    );
    expect(final).toBe('completed');
    const details = await api.get(`/workflows/${id}/details`);
    expect(details.body.approval).toMatchObject({
      decision: 'approved',
      comment: 'Plan looks right; ship it',
    });
    // The dashboard follows live: the run leaves the queue and the active count drops.
    await poll(() => page.locator(`#approvals > li[data-key="${id}"]`).count()).toBe(0);
    await poll(() => page.locator('#m-active').textContent()).toBe('0');
    await poll(() => page.locator('#m-success').textContent()).toBe('100%');
    await poll(() => page.locator(`#runs tr[data-run="${id}"]`).textContent()).toContain(
      'completed',
    );
    expect(await stillSameDocument(page)).toBe(true);
    await screenshot(page, 'console-runs-done');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
