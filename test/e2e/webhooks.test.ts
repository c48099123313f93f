import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { apiClient, pollUntil, type Api } from './support/api-client.ts';
import { cartStory, goodPlan, restatement } from './support/cart-story.ts';

const secret = 'whsec-e2e';
const rulesMode = {
  MODEL: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  TIME_SCALE: '1',
  MENTORFLOW_API_KEYS: 'ops-key',
};

const unixNow = () => String(Math.floor(Date.now() / 1000));
/** The signature scheme, written out independently of the server's code. */
const sign = (body: string, delivery: string, timestamp: string, key = secret) =>
  `sha256=${createHmac('sha256', key).update(`${timestamp}.${delivery}.${body}`).digest('hex')}`;

/** The headers a sender puts on `body`: now, the delivery id (a fresh one by default), its HMAC. */
function signedHeaders(
  body: string,
  delivery = `test-${randomUUID()}`,
  timestamp = unixNow(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-mentorflow-timestamp': timestamp,
    'x-mentorflow-delivery': delivery,
    'x-mentorflow-signature': sign(body, delivery, timestamp),
  };
}

/** POST a raw body with exactly these headers. */
async function post(
  baseUrl: string,
  source: string,
  body: string,
  headers: Record<string, string>,
) {
  const res = await fetch(`${baseUrl}/api/webhooks/${source}`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as any };
}

const servers: (CliProcess & { url: string })[] = [];
afterAll(() => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
});

/** POST a delivery exactly as a webhook sender does: raw JSON body, timestamp, delivery id, HMAC, no API key. */
async function deliver(baseUrl: string, source: string, payload: unknown, delivery?: string) {
  const body = JSON.stringify(payload);
  return post(baseUrl, source, body, signedHeaders(body, delivery));
}

describe('webhooks with WEBHOOK_SECRET set', () => {
  let url: string;
  let api: Api;

  beforeAll(async () => {
    const server = await startServer({ ...rulesMode, WEBHOOK_SECRET: secret });
    servers.push(server);
    url = server.url;
    api = apiClient(url, 'ops-key');
  });

  async function implementingSession(): Promise<string> {
    const created = await api.post('/sessions', { learnerId: 'ana', story: cartStory });
    const id = created.body.id as string;
    await api.post(`/sessions/${id}/messages`, { text: restatement });
    expect(
      (await api.post(`/sessions/${id}/messages`, { text: goodPlan })).body.session.state,
    ).toBe('START_IMPLEMENTATION');
    return id;
  }

  it('turns a signed CI delivery into a session event, and applies a retried delivery once', async () => {
    const sessionId = await implementingSession();
    const before = (await api.get(`/sessions/${sessionId}`)).body.version as number;
    const payload = { sessionId, type: 'test-run', data: { failed: 0, passed: 1 } };
    const first = await deliver(url, 'ci', payload, 'gh-delivery-1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      event: { type: 'test-run', duplicate: false },
      session: { id: sessionId, state: 'CONTINUE_MONITORING', version: before + 1 },
      outcome: { status: 'applied' },
    });
    const retried = await deliver(url, 'ci', payload, 'gh-delivery-1');
    expect(retried.status).toBe(200);
    expect(retried.body.event).toMatchObject({ id: first.body.event.id, duplicate: true });
    expect(retried.body.session.version).toBe(before + 1);
    const inbox = (await api.get(`/sessions/${sessionId}/inbox`)).body.events as {
      type: string;
      idempotencyKey: string | null;
    }[];
    expect(inbox.filter((e) => e.type === 'test-run')).toHaveLength(1);
    expect(inbox.find((e) => e.type === 'test-run')!.idempotencyKey).toBe('gh-delivery-1');
    // Another delivery id is another event.
    const next = await deliver(
      url,
      'ci',
      { sessionId, type: 'commit', data: { sha: 'b2' } },
      'gh-delivery-2',
    );
    expect(next.body.event.duplicate).toBe(false);
    expect(next.body.session.version).toBe(before + 2);
  });

  it('refuses a wrong or missing signature with 401 and applies nothing', async () => {
    const sessionId = await implementingSession();
    const version = (await api.get(`/sessions/${sessionId}`)).body.version as number;
    const body = JSON.stringify({ sessionId, type: 'test-run', data: { failed: 0, passed: 1 } });
    const good = signedHeaders(body);
    const { 'x-mentorflow-signature': _, ...unsigned } = good;
    const attempts: Record<string, string>[] = [
      {
        ...good,
        'x-mentorflow-signature': sign(
          body,
          good['x-mentorflow-delivery']!,
          good['x-mentorflow-timestamp']!,
          'another-secret',
        ),
      },
      {
        ...good,
        'x-mentorflow-signature': sign(
          `${body} `,
          good['x-mentorflow-delivery']!,
          good['x-mentorflow-timestamp']!,
        ),
      },
      // The scheme before timestamps and delivery ids: an HMAC of the body alone.
      {
        ...good,
        'x-mentorflow-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      { ...good, 'x-mentorflow-signature': 'sha256=' },
      unsigned,
    ];
    for (const headers of attempts) {
      const res = await post(url, 'ci', body, headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body).toMatchObject({
        error: { code: 'UNAUTHORIZED', field: 'x-mentorflow-signature' },
      });
    }
    // The API key does not replace the signature.
    const withKey = await fetch(`${url}/api/webhooks/ci`, {
      method: 'POST',
      headers: { ...unsigned, authorization: 'Bearer ops-key' },
      body,
    });
    expect(withKey.status).toBe(401);
    expect((await api.get(`/sessions/${sessionId}`)).body.version).toBe(version);
  });

  it('refuses a captured delivery re-sent under another or no delivery id; applies its exact replay once', async () => {
    const sessionId = await implementingSession();
    const before = (await api.get(`/sessions/${sessionId}`)).body.version as number;
    const body = JSON.stringify({ sessionId, type: 'test-run', data: { failed: 0, passed: 1 } });
    const captured = signedHeaders(body, 'gh-captured-1');
    const first = await post(url, 'ci', body, captured);
    expect(first.status).toBe(200);
    expect(first.body.event.duplicate).toBe(false);

    for (let i = 0; i < 5; i++) {
      const renamed = await post(url, 'ci', body, {
        ...captured,
        'x-mentorflow-delivery': `gh-replay-${i}`,
      });
      expect(renamed.status).toBe(401);
      expect(renamed.body.error).toMatchObject({
        code: 'UNAUTHORIZED',
        field: 'x-mentorflow-signature',
      });
    }
    const { 'x-mentorflow-delivery': _, ...withoutDelivery } = captured;
    const anonymous = await post(url, 'ci', body, withoutDelivery);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'x-mentorflow-delivery',
    });

    // Byte for byte the same request: the stored outcome, marked duplicate, nothing applied again.
    for (let i = 0; i < 5; i++) {
      const replay = await post(url, 'ci', body, captured);
      expect(replay.status).toBe(200);
      expect(replay.body.event).toMatchObject({ id: first.body.event.id, duplicate: true });
      expect(replay.body.outcome).toEqual(first.body.outcome);
    }
    expect((await api.get(`/sessions/${sessionId}`)).body.version).toBe(before + 1);
    const inbox = (await api.get(`/sessions/${sessionId}/inbox`)).body.events as { type: string }[];
    expect(inbox.filter((e) => e.type === 'test-run')).toHaveLength(1);
  });

  it('refuses a signed delivery whose timestamp is more than 5 minutes off, naming x-mentorflow-timestamp', async () => {
    const sessionId = await implementingSession();
    const version = (await api.get(`/sessions/${sessionId}`)).body.version as number;
    const body = JSON.stringify({ sessionId, type: 'lint', data: { errorCount: 0 } });
    const seconds = Math.floor(Date.now() / 1000);
    for (const timestamp of [seconds - 600, seconds + 600]) {
      const res = await post(
        url,
        'ci',
        body,
        signedHeaders(body, `gh-stale-${timestamp}`, String(timestamp)),
      );
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({
        code: 'UNAUTHORIZED',
        field: 'x-mentorflow-timestamp',
      });
    }
    const { 'x-mentorflow-timestamp': _, ...untimed } = signedHeaders(body);
    const missing = await post(url, 'ci', body, untimed);
    expect(missing.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'x-mentorflow-timestamp',
    });
    expect((await api.get(`/sessions/${sessionId}`)).body.version).toBe(version);
  });

  it('validates signed payloads, naming the field', async () => {
    const sessionId = await implementingSession();
    const cases: [string, unknown, string][] = [
      ['ci', { sessionId, type: 'deploy' }, 'type'],
      ['ci', { sessionId: 'nope', type: 'lint', data: { errorCount: 0 } }, 'sessionId'],
      ['ci', { sessionId, type: 'test-run', data: { failed: -2 } }, 'data.failed'],
      ['review', { sessionId, decision: 'lgtm' }, 'decision'],
      ['zendesk', { ticket: { id: 1, description: 'no subject' } }, 'ticket.subject'],
    ];
    for (const [source, payload, field] of cases) {
      const res = await deliver(url, source, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error, JSON.stringify(payload)).toMatchObject({
        code: 'VALIDATION_ERROR',
        field,
      });
    }
    const unknownSource = await deliver(url, 'jira', { issue: {} });
    expect(unknownSource.status).toBe(400);
    const unknownSession = await deliver(url, 'ci', {
      sessionId: '00000000-0000-4000-8000-000000000000',
      type: 'lint',
      data: { errorCount: 0 },
    });
    expect(unknownSession.status).toBe(404);
  });

  it('applies code-review deliveries to the session', async () => {
    const created = await api.post('/sessions', { learnerId: 'ana', story: cartStory });
    const sessionId = created.body.id as string;
    const steps: [string, unknown][] = [
      ['messages', { text: restatement }],
      ['messages', { text: goodPlan }],
      ['events', { type: 'test-run', data: { failed: 0, passed: 1 } }],
      ['messages', { text: 'done, the sum works' }],
      ['events', { type: 'test-run', data: { failed: 0, passed: 4 } }],
      ['events', { type: 'coverage', data: { lines: 96 } }],
      ['events', { type: 'lint', data: { errorCount: 0 } }],
      ['events', { type: 'typecheck', data: { errorCount: 0 } }],
      ['events', { type: 'build', data: { success: true } }],
      ['events', { type: 'security-scan', data: { counts: {} } }],
    ];
    for (const [kind, body] of steps)
      expect((await api.post(`/sessions/${sessionId}/${kind}`, body)).status).toBe(200);
    expect((await api.get(`/sessions/${sessionId}`)).body.state).toBe('PREPARE_CODE_REVIEW');

    const submitted = await deliver(
      url,
      'review',
      { sessionId, decision: 'submitted', prUrl: 'https://git.example/pull/9' },
      'pr-9-opened',
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.session.state).toBe('MONITOR_REVIEW');
    const changes = await deliver(
      url,
      'review',
      {
        sessionId,
        decision: 'minor-changes',
        comments: [{ author: 'lee', body: 'Name it total, not t' }],
      },
      'pr-9-review-1',
    );
    expect(changes.body).toMatchObject({
      event: { type: 'review-feedback' },
      session: { state: 'GUIDE_FIXES' },
      outcome: { status: 'applied', machineEvents: ['minorChanges'] },
    });
    const retried = await deliver(
      url,
      'review',
      {
        sessionId,
        decision: 'minor-changes',
        comments: [{ author: 'lee', body: 'Name it total, not t' }],
      },
      'pr-9-review-1',
    );
    expect(retried.body.event.duplicate).toBe(true);
    expect(retried.body.session.state).toBe('GUIDE_FIXES');
  });

  it('starts an implementation run from a Zendesk ticket (202)', async () => {
    const ticket = {
      ticket: {
        id: 4711,
        subject: 'Export invoices as CSV',
        description:
          'Customers want to download their invoices:\n- one row per invoice\n- dates in ISO 8601\n- amounts with two decimals',
        tags: ['billing', 'export'],
      },
    };
    const res = await deliver(url, 'zendesk', ticket, 'zd-4711');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      run: { id: expect.stringMatching(/^wf_[0-9a-f]{24}$/), status: 'queued' },
      ticketId: '4711',
    });
    const id = res.body.run.id as string;
    const details = (await api.get(`/workflows/${id}/details`)).body;
    expect(details.input).toEqual({
      request: 'Export invoices as CSV',
      requirements: ['one row per invoice', 'dates in ISO 8601', 'amounts with two decimals'],
      constraints: ['billing', 'export'],
    });
    const final = await pollUntil(
      () => api.get(`/workflows/${id}/status`).then((r) => r.body.status as string),
      (s) => ['completed', 'failed', 'rejected'].includes(s),
    );
    expect(final).toBe('completed');

    // The tracker retries its delivery: the same ticket does not start a second run.
    const retried = await deliver(url, 'zendesk', ticket, 'zd-4711-retry');
    expect(retried.status).toBe(202);
    expect(retried.body).toEqual({
      run: { id, status: 'completed', duplicate: true },
      ticketId: '4711',
    });
  });

  it('starts one run per Idempotency-Key on the API', async () => {
    const input = { request: 'Add a CSV export', requirements: ['one row per invoice'] };
    const first = await api.post('/workflows/implementation', input, {
      'idempotency-key': 'client-key-1',
    });
    const again = await api.post('/workflows/implementation', input, {
      'idempotency-key': 'client-key-1',
    });
    const other = await api.post('/workflows/implementation', input, {
      'idempotency-key': 'client-key-2',
    });
    expect(first.status).toBe(202);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(other.body.id).not.toBe(first.body.id);
  });
});

describe('webhooks without WEBHOOK_SECRET', () => {
  it('refuses every delivery with 401: webhooks are off', async () => {
    const server = await startServer({ ...rulesMode, WEBHOOK_SECRET: '' });
    servers.push(server);
    const api = apiClient(server.url, 'ops-key');
    const created = await api.post('/sessions', { learnerId: 'ana', story: cartStory });
    const res = await deliver(server.url, 'ci', {
      sessionId: created.body.id,
      type: 'lint',
      data: { errorCount: 0 },
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', field: 'x-mentorflow-signature' });
    expect(res.body.error.message).toMatch(/WEBHOOK_SECRET/);
    const ticket = await deliver(server.url, 'zendesk', {
      ticket: { id: 1, subject: 'x', description: 'y' },
    });
    expect(ticket.status).toBe(401);
    expect((await api.get(`/sessions/${created.body.id}`)).body.version).toBe(1);
  });
});
