import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/spawn-cli.ts';
import { eventually } from '../sessions/fixtures/db.ts';
import { startApp, stuckSession, type TestApp } from './support/app.ts';
import { signatureValid, startReceiver, startSmtp } from './support/receivers.ts';

const SECRET = 'notify-test-secret';
/** Every duration × 0.01: retry base 30 s → 300 ms (300, 600, 1200, 2400 ms). */
const TIME_SCALE = 0.01;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;
let deadUrl: string;

beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startSmtp();
  deadUrl = `http://127.0.0.1:${await freePort()}/never`;
  app = await startApp({
    TIME_SCALE: String(TIME_SCALE),
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook,slack+${receiver.url}/slack,${deadUrl}`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    SMTP_URL: smtp.url,
    SMTP_FROM: 'mentorflow <alerts@mentorflow.test>',
    ONCALL_EMAILS: 'oncall@mentorflow.test',
    NOTIFY_MAX_ATTEMPTS: '5',
    NOTIFY_RETRY_BASE: '30s',
    // 30 min × 0.01 = 18 s: no re-escalation while these tests run (escalation.test.ts covers it).
    ESCALATION_ACK_TIMEOUT: '30m',
  });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await smtp?.close();
});

const pool = () => app.database.pool;

async function escalationOf(sessionId: string) {
  const [escalation] = await app.notify.listEscalations({ sessionId });
  expect(escalation, `an escalation of ${sessionId}`).toBeDefined();
  return escalation!;
}

/** Waits until the delivery is recorded as delivered. */
function delivered(escalationId: number, deliveryId: number) {
  return eventually(
    async () =>
      (await app.notify.getEscalation(escalationId)).deliveries.find(
        (d) => d.id === deliveryId && d.deliveredAt,
      ),
    20_000,
  );
}

async function attemptsOf(deliveryId: number) {
  const { rows } = await pool().query<{ attempt: number; at: Date; error: string | null }>(
    'select attempt, attempted_at as at, error from delivery_attempts where delivery_id = $1 order by attempt',
    [deliveryId],
  );
  return rows;
}

describe('delivery of a stuck learner’s escalation', () => {
  it('reaches the signed webhook, Slack and the on-call mailbox; a failing receiver backs off and catches up; a dead URL is dead-lettered', async () => {
    // The generic receiver answers 500 twice before it accepts.
    receiver.failures('/hook', 2);
    const sessionId = await stuckSession(app, 'stuck-sam');
    const escalation = await escalationOf(sessionId);
    expect(escalation).toMatchObject({
      learnerId: 'stuck-sam',
      kind: 'escalation',
      level: 1,
      status: 'open',
    });
    expect(escalation.reason).toMatch(/same .*error 5 times/);

    // Level 1 without a mentor: every webhook and the on-call list.
    expect(escalation.deliveries.map((d) => `${d.channel} ${d.target}`).sort()).toEqual(
      [
        `email oncall@mentorflow.test`,
        `slack slack+${receiver.url}/slack`,
        `webhook ${receiver.url}/hook`,
        `webhook ${deadUrl}`,
      ].sort(),
    );

    const mine = (path: string) =>
      receiver.received.filter(
        // Level 1 only: on a slow machine the acknowledgement timeout may already have sent level 2.
        (r) =>
          r.path === path &&
          r.json.escalation?.id === escalation.id &&
          r.json.escalation.level === 1,
      );
    await eventually(async () => mine('/hook').some((r) => r.status === 200), 20_000);
    const hook = mine('/hook');
    expect(hook.map((r) => r.status)).toEqual([500, 500, 200]);
    for (const r of hook) {
      expect(signatureValid(r.body, r.headers['x-mentorflow-signature'], SECRET)).toBe(true);
      expect(signatureValid(r.body, r.headers['x-mentorflow-signature'], 'another')).toBe(false);
    }
    expect(hook[2]!.json).toMatchObject({
      type: 'escalation',
      kind: 'escalation',
      escalation: { id: escalation.id, level: 1, status: 'open' },
      session: { id: sessionId, learnerId: 'stuck-sam', story: 'Add a cart total' },
      notification: { source: 'session', payload: { state: 'ESCALATE_TO_HUMAN' } },
    });

    // Slack's payload is its own shape ({ text, blocks }): found by the learner it names.
    const slack = await eventually(async () =>
      receiver.received.find((r) => r.path === '/slack' && /stuck-sam/.test(r.json.text)),
    );
    expect(slack.json.text).toMatch(/Escalation \(level 1, mentor\): learner stuck-sam/);
    expect(slack.json.blocks[0]).toMatchObject({ type: 'section' });

    const mail = await eventually(async () =>
      smtp.mails.find(
        (m) => m.to.includes('oncall@mentorflow.test') && /stuck-sam/.test(m.subject),
      ),
    );
    expect(mail.from).toBe('alerts@mentorflow.test');
    expect(mail.subject).toMatch(/^\[mentorflow\] Escalation \(level 1/);

    // The failing receiver's delivery: three attempts, waiting 300 then 600 ms (× TIME_SCALE).
    const hookDelivery = escalation.deliveries.find((d) => d.target === `${receiver.url}/hook`)!;
    // The receiver has answered; the attempt is recorded once the answer is back.
    await delivered(escalation.id, hookDelivery.id);
    const attempts = await attemptsOf(hookDelivery.id);
    expect(attempts.map((a) => a.error)).toEqual([
      'HTTP 500: receiver says no',
      'HTTP 500: receiver says no',
      null,
    ]);
    const delays = attempts.slice(1).map((a, i) => a.at.getTime() - attempts[i]!.at.getTime());
    expect(delays[0]!).toBeGreaterThanOrEqual(300);
    expect(delays[1]!).toBeGreaterThanOrEqual(600);

    // The URL nobody listens on: five attempts, then the dead letter with its last error.
    const deadDelivery = escalation.deliveries.find((d) => d.target === deadUrl)!;
    const dead = await eventually(async () => {
      const d = (await app.notify.getEscalation(escalation.id)).deliveries.find(
        (x) => x.id === deadDelivery.id,
      )!;
      return d.deadAt ? d : undefined;
    }, 20_000);
    expect(dead).toMatchObject({ attempts: 5, deliveredAt: null, nextAttemptAt: null });
    expect(dead.lastError).toMatch(/ECONNREFUSED/);
    const deadAttempts = await attemptsOf(deadDelivery.id);
    const deadDelays = deadAttempts
      .slice(1)
      .map((a, i) => a.at.getTime() - deadAttempts[i]!.at.getTime());

    const final = (await app.notify.getEscalation(escalation.id)).deliveries;
    const figures = final.map((d) => ({
      level: d.level,
      channel: d.channel,
      target: d.target.replace(receiver.url, 'receiver').replace(/127\.0\.0\.1:\d+/, 'closed-port'),
      attempts: d.attempts,
      delivered: Boolean(d.deliveredAt),
      dead: Boolean(d.deadAt),
    }));
    console.log(
      `[notify figures] TIME_SCALE ${TIME_SCALE}, retry base 30 s (scaled 300 ms), max 5 attempts\n` +
        `  failing receiver (500, 500, 200): attempt delays ${delays.join(', ')} ms\n` +
        `  closed port: attempt delays ${deadDelays.join(', ')} ms, then dead-lettered: ${dead.lastError}\n` +
        figures.map((f) => `  ${JSON.stringify(f)}`).join('\n'),
    );
    const { rows } = await pool().query<{ delivered_at: Date | null }>(
      "select delivered_at from notifications where session_id = $1 and kind = 'escalation'",
      [sessionId],
    );
    expect(rows[0]!.delivered_at).not.toBeNull();
  });

  it('catches up once a receiver and the mail server that were down come back', async () => {
    await receiver.down();
    await smtp.down();
    const sessionId = await stuckSession(app, 'down-dan');
    const escalation = await escalationOf(sessionId);
    const hook = escalation.deliveries.find((d) => d.target === `${receiver.url}/hook`)!;
    // Refused twice while down …
    const mail = escalation.deliveries.find((d) => d.channel === 'email')!;
    await eventually(async () => (await attemptsOf(hook.id)).length >= 2, 20_000);
    await eventually(async () => (await attemptsOf(mail.id)).length >= 2, 20_000);
    await receiver.up();
    await smtp.up();
    // … then delivered on a later attempt.
    await delivered(escalation.id, hook.id);
    await delivered(escalation.id, mail.id);
    await eventually(
      async () =>
        smtp.mails.find(
          (m) => m.to.includes('oncall@mentorflow.test') && /down-dan/.test(m.subject),
        ),
      20_000,
    );
    const attempts = await attemptsOf(hook.id);
    expect(attempts.at(-1)!.error).toBeNull();
    expect(attempts[0]!.error).toMatch(/ECONNREFUSED/);
    const mailAttempts = await attemptsOf(mail.id);
    expect(mailAttempts.at(-1)!.error).toBeNull();
    expect(mailAttempts[0]!.error).toMatch(/ECONNREFUSED/);
    console.log(
      `[notify figures] receiver down then up: ${attempts.length} attempts, delays ${attempts
        .slice(1)
        .map((a, i) => a.at.getTime() - attempts[i]!.at.getTime())
        .join(
          ', ',
        )} ms; mail server down then up: ${mailAttempts.length} attempts, delays ${mailAttempts
        .slice(1)
        .map((a, i) => a.at.getTime() - mailAttempts[i]!.at.getTime())
        .join(', ')} ms`,
    );
  });
});
