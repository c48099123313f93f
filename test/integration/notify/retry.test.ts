import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../sessions/fixtures/db.ts';
import { startApp, stuckSession, type TestApp } from './support/app.ts';
import { signatureValid, startReceiver } from './support/receivers.ts';

/**
 * A dead-lettered delivery sent again (`retryDelivery`, `POST /api/deliveries/:id/retry`): the
 * receiver is down for longer than a delivery's attempts, so the escalation's webhook delivery is
 * dead-lettered; a retry while it is still down gives one more round of attempts (dead again); once
 * the receiver is up, a retry delivers it.
 */
const SECRET = 'retry-test-secret';
/** Every duration × 0.01: retry base 100 s → 1 s; two attempts per round. */
const TIME_SCALE = 0.01;
const MAX_ATTEMPTS = 2;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let app: TestApp;

beforeAll(async () => {
  receiver = await startReceiver();
  // Down from the start: nothing listens on its port.
  await receiver.down();
  app = await startApp({
    TIME_SCALE: String(TIME_SCALE),
    NOTIFY_WEBHOOK_URLS: `${receiver.url}/hook`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    NOTIFY_RETRY_BASE: '100s',
    // 30 min × 0.01 = 18 s: no re-escalation while this test runs.
    ESCALATION_ACK_TIMEOUT: '30m',
  });
});
afterAll(async () => {
  await app?.close();
  await receiver?.close();
});

async function attemptsOf(deliveryId: number) {
  const { rows } = await app.database.pool.query<{
    attempt: number;
    at: Date;
    error: string | null;
  }>(
    'select attempt, attempted_at as at, error from delivery_attempts where delivery_id = $1 order by attempt',
    [deliveryId],
  );
  return rows;
}

async function deliveryOf(escalationId: number, deliveryId: number) {
  return (await app.notify.getEscalation(escalationId)).deliveries.find(
    (d) => d.id === deliveryId,
  )!;
}

const refusal = (error: unknown) => {
  const e = error as { code?: string; field?: string; details?: Record<string, unknown> };
  return { code: e.code, field: e.field, ...e.details };
};

describe('retrying a dead-lettered delivery', () => {
  it('dead-letters against a closed port, retries a round while it is down, and delivers once the receiver is up', async () => {
    const sessionId = await stuckSession(app, 'retry-rita');
    const [escalation] = await app.notify.listEscalations({ sessionId });
    const hook = escalation!.deliveries.find((d) => d.level === 1 && d.channel === 'webhook')!;
    expect(hook.target).toBe(`${receiver.url}/hook`);

    // Round 1: both attempts refused, then the dead letter.
    const dead = await eventually(async () => {
      const d = await deliveryOf(escalation!.id, hook.id);
      return d.deadAt ? d : undefined;
    }, 20_000);
    expect(dead).toMatchObject({ attempts: MAX_ATTEMPTS, deliveredAt: null, nextAttemptAt: null });
    expect(dead.lastError).toMatch(/ECONNREFUSED/);

    // Retried while the receiver is still down: a second round of MAX_ATTEMPTS attempts.
    const queued = await app.notify.retryDelivery(hook.id);
    expect(queued).toMatchObject({ id: hook.id, attempts: MAX_ATTEMPTS, deadAt: null });
    expect(queued.nextAttemptAt).not.toBeNull();
    // Not dead any more: a second retry now is refused (it is being retried).
    const again = await app.notify.retryDelivery(hook.id).catch((e: unknown) => e);
    expect(refusal(again)).toMatchObject({ code: 'CONFLICT', field: 'id', state: 'retrying' });
    const deadAgain = await eventually(async () => {
      const d = await deliveryOf(escalation!.id, hook.id);
      return d.deadAt ? d : undefined;
    }, 20_000);
    expect(deadAgain.attempts).toBe(2 * MAX_ATTEMPTS);
    const secondRound = await attemptsOf(hook.id);
    expect(secondRound.map((a) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(secondRound.every((a) => a.error?.includes('ECONNREFUSED'))).toBe(true);
    // The round's wait starts again from the base (1 s), not where the first round stopped (4 s).
    const roundDelay = secondRound[3]!.at.getTime() - secondRound[2]!.at.getTime();
    expect(roundDelay).toBeGreaterThanOrEqual(1000);
    expect(roundDelay).toBeLessThan(4000);

    // The receiver is back: a retry delivers, on the first attempt of the third round.
    await receiver.up();
    const startedAt = Date.now();
    await app.notify.retryDelivery(hook.id);
    const delivered = await eventually(async () => {
      const d = await deliveryOf(escalation!.id, hook.id);
      return d.deliveredAt ? d : undefined;
    }, 20_000);
    expect(delivered).toMatchObject({
      attempts: 2 * MAX_ATTEMPTS + 1,
      deadAt: null,
      lastError: null,
    });
    const got = receiver.received.filter(
      (r) => r.path === '/hook' && r.json.escalation?.id === escalation!.id,
    );
    expect(got).toHaveLength(1);
    expect(got[0]!.status).toBe(200);
    expect(got[0]!.json).toMatchObject({ type: 'escalation', session: { id: sessionId } });
    expect(signatureValid(got[0]!.body, got[0]!.headers['x-mentorflow-signature'], SECRET)).toBe(
      true,
    );
    const { rows } = await app.database.pool.query<{ delivered_at: Date | null }>(
      "select delivered_at from notifications where session_id = $1 and kind = 'escalation'",
      [sessionId],
    );
    expect(rows[0]!.delivered_at).not.toBeNull();
    console.log(
      `[notify figures] retry of a dead letter: rounds of ${MAX_ATTEMPTS} attempts; second round's wait ${roundDelay} ms; delivered ${got[0]!.at - startedAt} ms after the last retry, attempt ${delivered.attempts}`,
    );

    // Delivered: nothing to retry.
    const late = await app.notify.retryDelivery(hook.id).catch((e: unknown) => e);
    expect(refusal(late)).toMatchObject({ code: 'CONFLICT', field: 'id', state: 'delivered' });
  }, 60_000);

  it('refuses an unknown delivery with a 404 naming id', async () => {
    const missing = await app.notify.retryDelivery(987_654_321).catch((e: unknown) => e);
    expect(refusal(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((missing as { status?: number }).status).toBe(404);
  });
});
