import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../sessions/fixtures/db.ts';
import { startApp, stuckSession, type TestApp } from './support/app.ts';
import { startReceiver, startSmtp } from './support/receivers.ts';

/** Every duration × 0.01: the 5 min acknowledgement timeout is 3 s. */
const TIME_SCALE = 0.01;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;

beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startSmtp();
  app = await startApp({
    TIME_SCALE: String(TIME_SCALE),
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook`,
    SMTP_URL: smtp.url,
    ONCALL_EMAILS: 'oncall@mentorflow.test,backup@mentorflow.test',
    ESCALATION_ACK_TIMEOUT: '5m',
  });
  await app.notify.putMentor('maria', { name: 'Maria', email: 'maria@mentorflow.test' });
  await app.notify.putMentor('omar', { email: 'omar@mentorflow.test', available: false });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await smtp?.close();
});

const targets = (
  deliveries: readonly { level: number; channel: string; target: string }[],
  level: number,
) =>
  deliveries
    .filter((d) => d.level === level)
    .map((d) => `${d.channel} ${d.target}`)
    .sort();

async function escalationOf(sessionId: string) {
  const [escalation] = await app.notify.listEscalations({ sessionId });
  return escalation!;
}

/**
 * The acknowledgement timeouts an escalation has queued. The timeout that just fired is no longer
 * one of them, but it stays in the queue, locked, until its worker completes it, and that is after
 * `notify_escalate_further` committed the next level: a test that has just seen the level go up
 * waits for it to finish first. (A timeout queued while one runs takes the key over: the running
 * one loses it, see graphile-worker's add_jobs, so a locked job with the key is the one running.)
 */
async function ackJobs(id: number): Promise<number> {
  const key = `escalation:${id}:ack`;
  const count = async (running: boolean) =>
    (
      await app.database.pool.query(
        `select 1 from graphile_worker.jobs where key = $1 ${running ? 'and locked_at is not null' : ''}`,
        [key],
      )
    ).rows.length;
  await eventually(async () => (await count(true)) === 0);
  return count(false);
}

describe('who is told, and re-escalation', () => {
  it('tells the learner’s available mentor first, the on-call list after the acknowledgement timeout, and stops once acknowledged', async () => {
    await app.notify.assignLearnerMentors('lia', ['maria']);
    const sessionId = await stuckSession(app, 'lia');
    const first = await escalationOf(sessionId);
    expect(first).toMatchObject({ level: 1, status: 'open', learnerId: 'lia' });
    expect(targets(first.deliveries, 1)).toEqual([
      'email maria@mentorflow.test',
      `webhook ${receiver.url}/hook`,
    ]);
    await eventually(async () =>
      smtp.mails.find((m) => m.to.includes('maria@mentorflow.test') && /lia/.test(m.subject)),
    );

    // Nobody acknowledged within 5 min × TIME_SCALE: level 2, the on-call list.
    const second = await eventually(async () => {
      const e = await app.notify.getEscalation(first.id);
      return e.level === 2 ? e : undefined;
    }, 20_000);
    expect(targets(second.deliveries, 2)).toEqual([
      'email backup@mentorflow.test',
      'email oncall@mentorflow.test',
      `webhook ${receiver.url}/hook`,
    ]);
    const oncall = await eventually(async () =>
      smtp.mails.find((m) => m.to.includes('oncall@mentorflow.test') && /lia/.test(m.subject)),
    );
    expect(oncall.subject).toMatch(/Escalation \(level 2, on-call\)/);
    expect(await ackJobs(first.id)).toBe(1);

    const acked = await app.notify.acknowledge(first.id, 'oncall@mentorflow.test');
    expect(acked).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'oncall@mentorflow.test',
      level: 2,
    });
    expect(acked.acknowledgedAt).not.toBeNull();
    // No timeout is pending any more: it stays at level 2.
    expect(await ackJobs(first.id)).toBe(0);
  });

  it('goes to the on-call list at once when the learner’s mentor is unavailable, and reaches level 3 (everyone, last level) unanswered', async () => {
    await app.notify.assignLearnerMentors('leo', ['omar']);
    const sessionId = await stuckSession(app, 'leo');
    const first = await escalationOf(sessionId);
    expect(targets(first.deliveries, 1)).toEqual([
      'email backup@mentorflow.test',
      'email oncall@mentorflow.test',
      `webhook ${receiver.url}/hook`,
    ]);
    const third = await eventually(async () => {
      const e = await app.notify.getEscalation(first.id);
      return e.level === 3 ? e : undefined;
    }, 30_000);
    // Level 3: the on-call list and every mentor with a channel, available or not; no further timeout.
    expect(targets(third.deliveries, 3)).toEqual([
      'email backup@mentorflow.test',
      'email maria@mentorflow.test',
      'email omar@mentorflow.test',
      'email oncall@mentorflow.test',
      `webhook ${receiver.url}/hook`,
    ]);
    expect(await ackJobs(first.id)).toBe(0);
  });

  it('assigns a mentor (who is told), resolves, and refuses to act on a resolved escalation', async () => {
    const sessionId = await stuckSession(app, 'ria');
    const e = await escalationOf(sessionId);
    const assigned = await app.notify.assign(e.id, 'omar');
    expect(assigned.assignedTo).toBe('omar');
    expect(targets(assigned.deliveries, 1)).toContain('email omar@mentorflow.test');
    await expect(app.notify.assign(e.id, 'nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'mentorId',
    });
    const resolved = await app.notify.resolve(e.id, 'omar', 'paired on the NaN');
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedBy: 'omar',
      resolutionNote: 'paired on the NaN',
    });
    for (const act of [
      () => app.notify.acknowledge(e.id, 'maria'),
      () => app.notify.assign(e.id, 'maria'),
      () => app.notify.resolve(e.id, 'maria'),
      () => app.notify.reply(e.id, { text: 'hi', by: 'maria' }),
    ])
      await expect(act()).rejects.toMatchObject({ code: 'CONFLICT', field: 'id' });
    await expect(app.notify.getEscalation(987_654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ackJobs(e.id)).toBe(0);
  });
});

describe('notices', () => {
  it('go to the learner’s mentors and the webhooks, never to the on-call list, and are no escalation', async () => {
    const { cartStory } = await import('../sessions/fixtures/story.ts');
    const { randomUUID } = await import('node:crypto');
    const pool = app.database.pool;
    const notice = async (learnerId: string) => {
      const { session } = await app.sessions.createSession({ learnerId, story: cartStory });
      // As a turn's commit writes it (commit_session_turn): the trigger does the rest.
      const { rows } = await pool.query<{ id: string }>(
        `insert into notifications (session_id, event_id, kind, recipient_kind, payload)
         values ($1, $2, 'story-complete', 'human', '{}') returning id`,
        [session.id, randomUUID()],
      );
      const [n] = await app.notify.listNotifications({ source: 'session', sessionId: session.id });
      expect(n!.id).toBe(Number(rows[0]!.id));
      expect(await app.notify.listEscalations({ sessionId: session.id })).toEqual([]);
      return n!.deliveries.map((d) => `${d.channel} ${d.target}`).sort();
    };
    expect(await notice('nia')).toEqual([`webhook ${receiver.url}/hook`]);
    await app.notify.assignLearnerMentors('noa', ['maria']);
    expect(await notice('noa')).toEqual([
      'email maria@mentorflow.test',
      `webhook ${receiver.url}/hook`,
    ]);
  });
});

describe('a mentor’s reply', () => {
  it('is a mentor-message event in the session, shown as the mentor’s reply with no state change, applied once per key', async () => {
    const sessionId = await stuckSession(app, 'mia');
    const e = await escalationOf(sessionId);
    const before = await app.sessions.getSession(sessionId);

    const text = 'Hi Mia, I am Maria. NaN means a price is undefined: log the items first.';
    const first = await app.notify.reply(e.id, { text, by: 'maria' }, 'reply-1');
    expect(first.duplicate).toBe(false);
    const again = await app.notify.reply(e.id, { text, by: 'maria' }, 'reply-1');
    expect(again).toEqual({ eventId: first.eventId, duplicate: true });

    const events = await app.sessions.listEvents(sessionId);
    const mentorEvents = events.filter((ev) => ev.type === 'mentor-message');
    expect(mentorEvents).toHaveLength(1);
    expect(mentorEvents[0]).toMatchObject({
      id: first.eventId,
      data: { text, by: 'maria', escalationId: e.id },
      outcome: { status: 'recorded' },
    });
    const { rows } = await app.database.pool.query<{ replies: unknown[] }>(
      'select replies from turns where event_id = $1',
      [first.eventId],
    );
    expect(rows[0]!.replies).toEqual([
      { action: 'mentorMessage', text, source: 'mentor', author: 'maria' },
    ]);
    const after = await app.sessions.getSession(sessionId);
    expect(after.state).toBe(before.state);
    expect(after.status).toBe(before.status);
    // Answering is taking it on.
    expect(await app.notify.getEscalation(e.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'maria',
    });
  });
});
