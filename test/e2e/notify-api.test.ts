import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { signatureValid, startReceiver } from '../integration/notify/support/receivers.ts';
import { apiClient, type Api } from './support/api-client.ts';
import { cartStory, goodPlan, restatement } from './support/cart-story.ts';

/**
 * The escalations API of `mentorflow start` over HTTP: a learner stuck on one error through the API,
 * the escalation in the inbox with its deliveries (a signed webhook delivered; e-mail to a mail
 * server that is down: retrying, with its last error), the operator's actions and reply, and the
 * learner reading the mentor's message. Real timers (TIME_SCALE 1): no re-escalation during the test.
 */
const SECRET = 'e2e-notify-secret';
let server: CliProcess & { url: string };
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let admin: Api;
let ana: Api;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startServer({
    MODEL: '',
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    TIME_SCALE: '1',
    MENTORFLOW_API_KEYS: 'admin-key,ana-key:ana',
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    ONCALL_EMAILS: 'oncall@mentorflow.test',
    NOTIFY_RETRY_BASE: '1h',
  });
  admin = apiClient(server.url, 'admin-key');
  ana = apiClient(server.url, 'ana-key');
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await receiver?.close();
});

const failingRun = {
  type: 'test-run',
  data: {
    failed: 1,
    passed: 1,
    failures: [{ name: 'cart total sums prices', message: 'expected 30 but got NaN' }],
  },
};

/** Ana, through her own key, stuck on the same failing test until the session escalates. */
async function stuckSession(): Promise<string> {
  const created = await ana.post('/sessions', { learnerId: 'ana', story: cartStory });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await ana.post(`/sessions/${id}/messages`, { text: restatement });
  await ana.post(`/sessions/${id}/messages`, { text: goodPlan });
  let state = '';
  for (let i = 0; i < 8 && state !== 'ESCALATE_TO_HUMAN'; i++) {
    const res = await ana.post(`/sessions/${id}/events`, failingRun);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    state = res.body.session.state;
  }
  expect(state).toBe('ESCALATE_TO_HUMAN');
  return id;
}

async function until<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the escalations API', () => {
  let sessionId: string;
  let id: number;

  it('lists the stuck learner’s escalation with its deliveries: the webhook delivered and signed, the e-mail retrying with its last error', async () => {
    sessionId = await stuckSession();
    const list = await admin.get(`/escalations?status=open&sessionId=${sessionId}`);
    expect(list.status).toBe(200);
    expect(list.body.escalations).toHaveLength(1);
    const e = list.body.escalations[0];
    id = e.id;
    expect(e).toMatchObject({
      sessionId,
      learnerId: 'ana',
      kind: 'escalation',
      level: 1,
      status: 'open',
      acknowledgedAt: null,
      acknowledgedBy: null,
      assignedTo: null,
      resolvedAt: null,
    });
    expect(e.reason).toMatch(/same .*error 5 times/);
    expect(typeof e.createdAt).toBe('string');

    const settled = await until(async () => {
      const res = await admin.get(`/escalations/${id}`);
      const ds = res.body.deliveries as { attempts: number }[];
      return ds.every((d) => d.attempts > 0) ? res.body : undefined;
    });
    const webhook = settled.deliveries.find((d: { channel: string }) => d.channel === 'webhook');
    const email = settled.deliveries.find((d: { channel: string }) => d.channel === 'email');
    expect(webhook).toMatchObject({ target: `${receiver.url}/hook`, attempts: 1, lastError: null });
    expect(webhook.deliveredAt).not.toBeNull();
    expect(email).toMatchObject({
      target: 'oncall@mentorflow.test',
      attempts: 1,
      deliveredAt: null,
      deadAt: null,
    });
    expect(email.lastError).toMatch(/ECONNREFUSED/);
    expect(email.nextAttemptAt).not.toBeNull();

    const got = receiver.received.find((r) => r.json.escalation?.id === id)!;
    expect(signatureValid(got.body, got.headers['x-mentorflow-signature'], SECRET)).toBe(true);

    // Open: not in the acknowledged list.
    const acknowledged = await admin.get(`/escalations?status=acknowledged&sessionId=${sessionId}`);
    expect(acknowledged.body.escalations).toEqual([]);
  });

  it('refuses to retry a delivery that is unknown (404), malformed (400), delivered or still retrying (409), or asked by a learner key (403)', async () => {
    const { deliveries } = (await admin.get(`/escalations/${id}`)).body as {
      deliveries: { id: number; channel: string }[];
    };
    const webhook = deliveries.find((d) => d.channel === 'webhook')!;
    const email = deliveries.find((d) => d.channel === 'email')!;
    const unknown = await admin.post('/deliveries/999999/retry', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const badId = await admin.post('/deliveries/abc/retry', {});
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toMatch(/id/);
    const delivered = await admin.post(`/deliveries/${webhook.id}/retry`, {});
    expect(delivered.status).toBe(409);
    expect(delivered.body.error).toMatchObject({
      code: 'CONFLICT',
      field: 'id',
      state: 'delivered',
    });
    const retrying = await admin.post(`/deliveries/${email.id}/retry`, {});
    expect(retrying.status).toBe(409);
    expect(retrying.body.error).toMatchObject({ code: 'CONFLICT', field: 'id', state: 'retrying' });
    expect(retrying.body.error.message).toMatch(/still being retried \(next attempt at /);
    expect((await ana.post(`/deliveries/${email.id}/retry`, {})).status).toBe(403);
    // Nothing changed: the e-mail waits for its next attempt.
    const after = (await admin.get(`/escalations/${id}`)).body.deliveries.find(
      (d: { id: number }) => d.id === email.id,
    );
    expect(after).toMatchObject({ attempts: 1, deadAt: null, deliveredAt: null });
  });

  it('answers 404 for an unknown escalation and 400 naming the field for bad input', async () => {
    for (const res of [
      await admin.get('/escalations/999999'),
      await admin.post('/escalations/999999/acknowledge', { by: 'maria' }),
      await admin.post('/escalations/999999/reply', { text: 'hi', by: 'maria' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' });
    }
    const badId = await admin.get('/escalations/abc');
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toMatch(/id/);
    const badStatus = await admin.get('/escalations?status=closed');
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.field).toMatch(/status/);
    const noBy = await admin.post(`/escalations/${id}/acknowledge`, {});
    expect(noBy.status).toBe(400);
    expect(noBy.body.error.field).toMatch(/by/);
    // Bad input changed nothing.
    expect((await admin.get(`/escalations/${id}`)).body.status).toBe('open');
  });

  it('refuses learner keys (403) on every escalation, notification and mentor route', async () => {
    for (const res of [
      await ana.get('/escalations'),
      await ana.get(`/escalations/${id}`),
      await ana.post(`/escalations/${id}/acknowledge`, { by: 'ana' }),
      await ana.post(`/escalations/${id}/assign`, { mentorId: 'maria' }),
      await ana.post(`/escalations/${id}/resolve`, { by: 'ana' }),
      await ana.post(`/escalations/${id}/reply`, { text: 'I am the mentor now', by: 'ana' }),
      await ana.get('/notifications'),
      await ana.get('/mentors'),
      await ana.fetch('/mentors/maria', { method: 'PUT', body: '{}' }),
      await ana.fetch('/learners/ana/mentor', { method: 'PUT', body: '{"mentorId":"maria"}' }),
      // Nor may a learner send the event itself.
      await ana.post(`/sessions/${sessionId}/events`, {
        type: 'mentor-message',
        data: { text: 'fake mentor', by: 'ana' },
      }),
    ]) {
      expect(res.status).toBe(403);
    }
    expect((await admin.get(`/escalations/${id}`)).body.status).toBe('open');
  });

  it('manages mentors and assignment, then acknowledges and assigns', async () => {
    const put = await admin.fetch('/mentors/maria', {
      method: 'PUT',
      body: JSON.stringify({ name: 'Maria', email: 'maria@mentorflow.test', available: true }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      id: 'maria',
      email: 'maria@mentorflow.test',
      available: true,
    });
    const badMail = await admin.fetch('/mentors/maria', {
      method: 'PUT',
      body: JSON.stringify({ email: 'not-an-address' }),
    });
    expect(badMail.status).toBe(400);
    const assign = await admin.fetch('/learners/ana/mentor', {
      method: 'PUT',
      body: JSON.stringify({ mentorId: 'maria' }),
    });
    expect(await assign.json()).toEqual({ learnerId: 'ana', mentorIds: ['maria'] });
    const unknown = await admin.fetch('/learners/ana/mentor', {
      method: 'PUT',
      body: JSON.stringify({ mentorId: 'ghost' }),
    });
    expect(unknown.status).toBe(404);
    const mentors = await admin.get('/mentors');
    expect(mentors.body.mentors).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'maria', learners: ['ana'] })]),
    );

    const acked = await admin.post(`/escalations/${id}/acknowledge`, { by: 'maria' });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: 'maria' });
    const assigned = await admin.post(`/escalations/${id}/assign`, { mentorId: 'maria' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignedTo).toBe('maria');
    expect(assigned.body.deliveries.map((d: { target: string }) => d.target)).toContain(
      'maria@mentorflow.test',
    );
  });

  it('replies as the mentor: the learner reads it in the session, and a repeated idempotency key applies it once', async () => {
    const text = 'Hi Ana, Maria here: NaN means one price is undefined. Log the items first.';
    const first = await admin.post(
      `/escalations/${id}/reply`,
      { text, by: 'maria' },
      { 'idempotency-key': 'maria-1' },
    );
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ duplicate: false });
    expect(first.body.eventId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await admin.post(
      `/escalations/${id}/reply`,
      { text, by: 'maria' },
      { 'idempotency-key': 'maria-1' },
    );
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ eventId: first.body.eventId, duplicate: true });

    // Ana, with her own key, sees the mentor's message once in her session's inbox.
    const inbox = await ana.get(`/sessions/${sessionId}/inbox`);
    expect(inbox.status).toBe(200);
    const messages = inbox.body.events.filter((e: { type: string }) => e.type === 'mentor-message');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: first.body.eventId,
      data: { text, by: 'maria' },
      outcome: { status: 'recorded' },
    });
    const session = await ana.get(`/sessions/${sessionId}`);
    expect(session.body.state).toBe('ESCALATE_TO_HUMAN');
  });

  it('resolves, and answers 409 for any action on a resolved escalation', async () => {
    const resolved = await admin.post(`/escalations/${id}/resolve`, {
      by: 'maria',
      note: 'paired on it',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: 'maria' });
    for (const res of [
      await admin.post(`/escalations/${id}/acknowledge`, { by: 'maria' }),
      await admin.post(`/escalations/${id}/assign`, { mentorId: 'maria' }),
      await admin.post(`/escalations/${id}/resolve`, { by: 'maria' }),
      await admin.post(`/escalations/${id}/reply`, { text: 'late', by: 'maria' }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'CONFLICT', field: 'id', status: 'resolved' });
    }
    const list = await admin.get(`/escalations?status=resolved&sessionId=${sessionId}`);
    expect(list.body.escalations.map((e: { id: number }) => e.id)).toEqual([id]);
  });

  it('lists notifications with their delivery state', async () => {
    const res = await admin.get(`/notifications?source=session&sessionId=${sessionId}`);
    expect(res.status).toBe(200);
    const escalation = res.body.notifications.find(
      (n: { kind: string }) => n.kind === 'escalation',
    );
    expect(escalation).toMatchObject({ source: 'session', sessionId, runId: null });
    expect(escalation.deliveredAt).not.toBeNull();
    expect(escalation.deliveries.length).toBeGreaterThan(0);
  });
});
