import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type CliProcess } from '../helpers/spawn-cli.ts';
import { apiClient, readSse, type Api } from './support/api-client.ts';
import { cartStory, cartStoryMarkdown, goodPlan, restatement } from './support/cart-story.ts';

/** Rules mode (no model configured), real timers (TIME_SCALE 1: none fires during the test). */
const rulesMode = { MODEL: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TIME_SCALE: '1' };

let server: CliProcess & { url: string };
let admin: Api;
let ana: Api;
const unknownId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  server = await startServer({
    ...rulesMode,
    MENTORFLOW_API_KEYS: 'admin-key,ana-key:ana',
    MAX_BODY_BYTES: '65536',
  });
  admin = apiClient(server.url, 'admin-key');
  ana = apiClient(server.url, 'ana-key');
});
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
});

async function newSession(api: Api = admin, learnerId = 'bo') {
  const res = await api.post('/sessions', { learnerId, story: cartStory });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; state: string };
}

describe('POST /api/sessions', () => {
  it('opens a session from a JSON story: initial state, first replies, allowed events', async () => {
    const res = await admin.post('/sessions', {
      learnerId: 'bo',
      mentorId: 'maria',
      story: cartStory,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      learnerId: 'bo',
      mentorId: 'maria',
      machine: 'story',
      state: 'ASSESS_JUNIOR_CAPABILITY',
      version: 1,
      status: 'active',
      story: { title: 'Add a cart total', acceptanceCriteria: cartStory.acceptanceCriteria },
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.allowedEvents).toEqual(
      expect.arrayContaining(['correctUnderstanding', 'misunderstanding', 'pause', 'cancel']),
    );
    expect(res.body.replies.map((r: { action: string }) => r.action)).toEqual([
      'loadStory',
      'assessUnderstanding',
    ]);
    expect(res.body.replies[1].text).toMatch(/in your own words/);
  });

  it('opens a session from a markdown story document', async () => {
    const res = await admin.post('/sessions', { learnerId: 'bo', story: cartStoryMarkdown });
    expect(res.status).toBe(201);
    expect(res.body.story).toMatchObject({
      title: 'Add a cart total',
      complexity: 'simple',
      concepts: ['array-methods', 'unit-testing'],
      acceptanceCriteria: ['The total sums the item prices', 'An empty cart has a total of zero'],
    });
    expect(res.body.state).toBe('ASSESS_JUNIOR_CAPABILITY');
  });

  it('answers an invalid body with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ story: cartStory }, 'learnerId'],
      [{ learnerId: 'bo' }, 'story'],
      [{ learnerId: 'bo', story: { ...cartStory, title: '' } }, 'story.title'],
      [
        { learnerId: 'bo', story: { ...cartStory, acceptanceCriteria: 'all of them' } },
        'story.acceptanceCriteria',
      ],
      [{ learnerId: 'bo', story: 'just a sentence, not a story document' }, 'story'],
      [{ learnerId: 'bo', machine: 'kanban', story: cartStory }, 'machine'],
      [[1, 2], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/sessions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toMatchObject({
        code: 'VALIDATION_ERROR',
        field,
      });
      expect(res.body.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    }
    const malformed = await admin.post('/sessions', '{"learnerId": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'INVALID_JSON', field: 'body' });
    const text = await admin.post('/sessions', 'learnerId=bo', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'body' });
  });

  it('lets a learner-scoped key open sessions for its learner only (403 otherwise)', async () => {
    const other = await ana.post('/sessions', { learnerId: 'bo', story: cartStory });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'FORBIDDEN', field: 'learnerId' });
    const own = await ana.post('/sessions', { learnerId: 'ana', story: cartStory });
    expect(own.status).toBe(201);
    expect(own.body.learnerId).toBe('ana');
  });

  it('refuses requests without a valid key (401) and oversized bodies (413)', async () => {
    for (const api of [apiClient(server.url), apiClient(server.url, 'wrong-key')]) {
      const res = await api.post('/sessions', { learnerId: 'bo', story: cartStory });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', field: 'authorization' });
      expect((await api.get(`/sessions/${unknownId}`)).status).toBe(401);
    }
    const big = await admin.post('/sessions', {
      learnerId: 'bo',
      story: `${cartStoryMarkdown}\n${'Lorem ipsum. '.repeat(6000)}`,
    });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body' });
  });
});

describe('GET /api/sessions/:id', () => {
  it('returns the session with its history tail and timers', async () => {
    const { id } = await newSession();
    const res = await admin.get(`/sessions/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      state: 'ASSESS_JUNIOR_CAPABILITY',
      version: 1,
      currentTask: null,
    });
    expect(res.body.history).toEqual([
      expect.objectContaining({
        from: 'INIT_STORY_PROCESSING',
        event: 'storyLoaded',
        to: 'ASSESS_JUNIOR_CAPABILITY',
      }),
    ]);
    expect(res.body.timers.map((t: { kind: string }) => t.kind).sort()).toEqual([
      'noProgress',
      'step',
      'stuck',
    ]);
    // The reference solution, if any, never leaves the server; this story has none, and no context leaks either.
    expect(res.body).not.toHaveProperty('context');
  });

  it('answers 404 for an unknown id and 400 for an id that is not a UUID', async () => {
    const missing = await admin.get(`/sessions/${unknownId}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const bad = await admin.get('/sessions/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'path.id' });
  });

  it('hides another learner’s session from a scoped key exactly like a missing one', async () => {
    const { id } = await newSession(admin, 'bo');
    const hidden = await ana.get(`/sessions/${id}`);
    const missing = await ana.get(`/sessions/${unknownId}`);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body).replace(id, '<id>')).toBe(
      JSON.stringify(missing.body).replace(unknownId, '<id>'),
    );
    for (const path of [`/sessions/${id}/transitions`, `/sessions/${id}/inbox`])
      expect((await ana.get(path)).status).toBe(404);
    const event = await ana.post(`/sessions/${id}/events`, { type: 'pause' });
    expect(event.status).toBe(404);
    expect((await admin.get(`/sessions/${id}`)).body.status).toBe('active');

    const own = await newSession(ana, 'ana');
    expect((await ana.get(`/sessions/${own.id}`)).status).toBe(200);
  });

  it('shows the last 20 transitions as the history tail once there are more', async () => {
    const { id } = await newSession();
    for (let i = 0; i < 11; i++) {
      expect((await admin.post(`/sessions/${id}/events`, { type: 'pause' })).status).toBe(200);
      expect((await admin.post(`/sessions/${id}/events`, { type: 'resume' })).status).toBe(200);
    }
    const { transitions } = (await admin.get(`/sessions/${id}/transitions`)).body as {
      transitions: { id: number }[];
    };
    expect(transitions).toHaveLength(23);
    const { history } = (await admin.get(`/sessions/${id}`)).body as {
      history: { id: number; event: string }[];
    };
    expect(history).toHaveLength(20);
    expect(history.map((t) => t.id)).toEqual(transitions.slice(-20).map((t) => t.id));
    expect(history.at(-1)!.event).toBe('resume');
  });
});

describe('POST /api/sessions/:id/events', () => {
  it('applies an event and bumps the version', async () => {
    const { id } = await newSession();
    const res = await admin.post(`/sessions/${id}/events`, {
      type: 'pause',
      data: { reason: 'lunch' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      event: { type: 'pause', duplicate: false },
      session: { state: 'ASSESS_JUNIOR_CAPABILITY', version: 2, status: 'paused' },
      outcome: { status: 'applied', machineEvents: ['pause'] },
    });
    expect(res.body.replies[0].text).toMatch(/paused/i);
  });

  it('applies a repeated event id once: duplicate: true and the version unchanged', async () => {
    const { id } = await newSession();
    const first = await admin.post(`/sessions/${id}/events`, {
      id: 'ci-run-41',
      type: 'commit',
      data: { sha: 'a1' },
    });
    expect(first.status).toBe(200);
    expect(first.body.event.duplicate).toBe(false);
    const again = await admin.post(`/sessions/${id}/events`, {
      id: 'ci-run-41',
      type: 'commit',
      data: { sha: 'a1' },
    });
    expect(again.status).toBe(200);
    expect(again.body.event).toEqual({ ...first.body.event, duplicate: true });
    expect(again.body.session.version).toBe(first.body.session.version);
    expect(again.body.outcome).toEqual(first.body.outcome);
    const session = (await admin.get(`/sessions/${id}`)).body;
    expect(session.version).toBe(first.body.session.version);
    const inbox = (await admin.get(`/sessions/${id}/inbox`)).body.events as {
      idempotencyKey: string | null;
    }[];
    expect(inbox.filter((e) => e.idempotencyKey === 'ci-run-41')).toHaveLength(1);
  });

  it('answers an unknown type with 400 field type, and bad data with 400 data.<field>', async () => {
    const { id } = await newSession();
    const unknown = await admin.post(`/sessions/${id}/events`, { type: 'deploy' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'type' });
    expect(unknown.body.error.domainEvents).toContain('test-run');
    const negative = await admin.post(`/sessions/${id}/events`, {
      type: 'test-run',
      data: { failed: -1 },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'data.failed' });
    const decision = await admin.post(`/sessions/${id}/events`, {
      type: 'review-feedback',
      data: { decision: 'lgtm' },
    });
    expect(decision.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'data.decision' });
    const notObject = await admin.post(`/sessions/${id}/events`, { type: 'commit', data: 'a1' });
    expect(notObject.status).toBe(400);
    expect(notObject.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'data' });
    // Nothing of this was stored or applied.
    expect((await admin.get(`/sessions/${id}`)).body.version).toBe(1);
  });

  it('answers an event the state does not accept with 409 and the allowed events', async () => {
    const { id } = await newSession();
    const res = await admin.post(`/sessions/${id}/events`, { type: 'approved' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(res.body.error.allowedEvents).toEqual(
      expect.arrayContaining(['correctUnderstanding', 'partialUnderstanding', 'misunderstanding']),
    );
    expect(res.body.error.allowedEvents).not.toContain('approved');
    const session = (await admin.get(`/sessions/${id}`)).body;
    expect(session).toMatchObject({ state: 'ASSESS_JUNIOR_CAPABILITY', version: 1 });
    expect((await admin.post(`/sessions/${unknownId}/events`, { type: 'pause' })).status).toBe(404);
  });
});

describe('POST /api/sessions/:id/messages', () => {
  it('answers JSON with the mentor’s reply and the new state', async () => {
    const { id } = await newSession();
    const res = await admin.post(`/sessions/${id}/messages`, { text: restatement });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      event: { type: 'learner-message', duplicate: false },
      session: { state: 'PLAN_DECOMPOSITION', version: 2 },
      outcome: { status: 'applied' },
    });
    expect(res.body.reply).toBe(res.body.replies.map((r: { text: string }) => r.text).join('\n\n'));
    expect(res.body.reply).toMatch(/plan/i);
  });

  it("streams the reply live as SSE: accepted, the model's tokens, then the commit (state, replies, done)", async () => {
    const { id } = await newSession();
    await admin.post(`/sessions/${id}/messages`, { text: restatement });
    const res = await admin.fetch(`/sessions/${id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ id: 'plan-1', text: goodPlan }),
      headers: { accept: 'text/event-stream' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(res);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('accepted');
    expect(JSON.parse(events[0]!.data)).toMatchObject({ duplicate: false });
    // Every token came before the commit: the model's text, while the turn ran.
    const state = names.indexOf('state');
    expect(names.slice(1, state).every((n) => n === 'token')).toBe(true);
    const done = JSON.parse(events.at(-1)!.data) as {
      session: { state: string };
      replies: { text: string; streamed?: number }[];
    };
    expect(names.at(-1)).toBe('done');
    expect(done.session.state).toBe('START_IMPLEMENTATION');
    const replies = events.filter((e) => e.event === 'reply').map((e) => JSON.parse(e.data));
    expect(replies.map((r) => r.text)).toEqual(done.replies.map((r) => r.text));
    const tokens = events
      .slice(1, state)
      .map((e) => JSON.parse(e.data) as { text: string; call: number });
    const streamed = done.replies.filter((r) => r.streamed !== undefined);
    expect(streamed.length).toBeGreaterThanOrEqual(1);
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    // The tokens of each streamed call are its committed reply (the guard did not intervene).
    for (const reply of streamed) {
      const text = tokens
        .filter((t) => t.call === reply.streamed)
        .map((t) => t.text)
        .join('');
      expect(text).toBe(reply.text);
    }
    expect(done.replies.map((r) => r.text).join('\n\n')).toMatch(/Plan approved: 3 steps/);

    // The same message again (a client reconnecting): no tokens, the committed replies.
    const again = await readSse(
      await admin.fetch(`/sessions/${id}/messages`, {
        method: 'POST',
        body: JSON.stringify({ id: 'plan-1', text: goodPlan }),
        headers: { accept: 'text/event-stream', 'last-event-id': events.at(-1)!.id ?? '' },
      }),
    );
    expect(again.map((e) => e.event)).not.toContain('token');
    expect(JSON.parse(again[0]!.data)).toMatchObject({ duplicate: true });
    expect(again.filter((e) => e.event === 'reply').map((e) => JSON.parse(e.data).text)).toEqual(
      done.replies.map((r) => r.text),
    );
  });

  it('validates the text, and refuses messages while paused with 409', async () => {
    const { id } = await newSession();
    for (const body of [{ text: '' }, { text: '   ' }, {}, { text: 'x'.repeat(20_001) }]) {
      const res = await admin.post(`/sessions/${id}/messages`, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'text' });
    }
    await admin.post(`/sessions/${id}/events`, { type: 'pause' });
    const paused = await admin.fetch(`/sessions/${id}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: restatement }),
      headers: { accept: 'text/event-stream' },
    });
    expect(paused.status).toBe(409);
    expect(
      ((await paused.json()) as { error: { allowedEvents: string[] } }).error.allowedEvents,
    ).toEqual(['resume', 'cancel']);
  });
});

describe('transitions, inbox and a learner’s sessions', () => {
  it('lists the transition log and the inbox in order, with limits', async () => {
    const { id } = await newSession();
    await admin.post(`/sessions/${id}/messages`, { text: restatement });
    await admin.post(`/sessions/${id}/messages`, { text: goodPlan });
    const { transitions } = (await admin.get(`/sessions/${id}/transitions`)).body as {
      transitions: { from: string; event: string; to: string; version: number }[];
    };
    expect(transitions.map((t) => t.to)).toEqual(
      expect.arrayContaining([
        'ASSESS_JUNIOR_CAPABILITY',
        'PLAN_DECOMPOSITION',
        'APPROVE_PLAN',
        'START_IMPLEMENTATION',
      ]),
    );
    expect(transitions[0]).toMatchObject({ from: 'INIT_STORY_PROCESSING', event: 'storyLoaded' });
    expect(transitions.map((t) => t.version)).toEqual(
      [...transitions.map((t) => t.version)].sort((a, b) => a - b),
    );
    // A limit keeps the latest entries, oldest first.
    expect((await admin.get(`/sessions/${id}/transitions?limit=2`)).body.transitions).toEqual(
      transitions.slice(-2),
    );
    const badLimit = await admin.get(`/sessions/${id}/transitions?limit=0`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.field).toBe('query.limit');

    const { events } = (await admin.get(`/sessions/${id}/inbox`)).body as {
      events: { seq: number; type: string; outcome: { status: string } }[];
    };
    expect(events.map((e) => e.type)).toEqual([
      'session-started',
      'learner-message',
      'learner-message',
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events.every((e) => e.outcome.status === 'applied')).toBe(true);
    expect((await admin.get(`/sessions/${id}/inbox?limit=1`)).body.events).toEqual([events[2]]);
  });

  it('lists a learner’s sessions newest first; a scoped key sees only its learner', async () => {
    const first = await newSession(admin, 'cy');
    const second = await newSession(admin, 'cy');
    const res = await admin.get('/learners/cy/sessions');
    expect(res.status).toBe(200);
    expect(res.body.sessions.map((s: { id: string }) => s.id)).toEqual([second.id, first.id]);
    expect((await admin.get('/learners/nobody/sessions')).body).toEqual({ sessions: [] });
    expect((await ana.get('/learners/cy/sessions')).status).toBe(404);
    const own = await ana.get('/learners/ana/sessions');
    expect(own.status).toBe(200);
    expect(own.body.sessions.every((s: { learnerId: string }) => s.learnerId === 'ana')).toBe(true);
  });

  it('documents these routes in the OpenAPI document', async () => {
    const res = await admin.get('/mentorflow/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/sessions',
        '/api/sessions/{id}',
        '/api/sessions/{id}/events',
        '/api/sessions/{id}/messages',
        '/api/learners/{id}/sessions',
      ]),
    );
  });
});
