import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/app-error.ts';
import {
  signDelivery,
  verifyDelivery,
  type DeliveryHeaders,
} from '../../../src/http/webhook-signature.ts';

const secret = 'whsec-unit';
const now = 1_750_000_000_000;
const body = '{"sessionId":"x","type":"lint","data":{"errorCount":0}}';
const timestamp = String(now / 1000);

function signed(over: Partial<DeliveryHeaders> = {}, payload = body): DeliveryHeaders {
  const delivery = 'gh-1';
  const signature = signDelivery(secret, { timestamp, delivery, body: payload });
  return { signature, timestamp, delivery, ...over };
}

/** The AppError `verifyDelivery` throws, or fails the test. */
function refusal(headers: DeliveryHeaders, payload = body, at = now): AppError {
  try {
    verifyDelivery(secret, payload, headers, at);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the delivery to be refused');
}

describe('webhook signatures', () => {
  it('signs "<timestamp>.<delivery>.<body>" with HMAC-SHA256', () => {
    const hex = createHmac('sha256', secret).update(`${timestamp}.gh-1.${body}`).digest('hex');
    expect(signDelivery(secret, { timestamp, delivery: 'gh-1', body })).toBe(`sha256=${hex}`);
  });

  it('accepts a signed delivery inside the window, in either direction', () => {
    expect(verifyDelivery(secret, body, signed(), now)).toEqual({
      delivery: 'gh-1',
      timestamp: now / 1000,
    });
    expect(verifyDelivery(secret, body, signed(), now + 300_000).delivery).toBe('gh-1');
    expect(verifyDelivery(secret, body, signed(), now - 300_000).delivery).toBe('gh-1');
    const upper = signed();
    upper.signature = `sha256=${upper.signature!.slice(7).toUpperCase()}`;
    expect(verifyDelivery(secret, body, upper, now).delivery).toBe('gh-1');
  });

  it('refuses a captured signature under another delivery id, timestamp or body', () => {
    for (const [headers, payload] of [
      [signed({ delivery: 'gh-2' }), body],
      [signed({ timestamp: String(now / 1000 + 1) }), body],
      [signed(), `${body} `],
    ] as const) {
      const error = refusal(headers, payload);
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      expect(error.field).toBe('x-mentorflow-signature');
    }
    const other = signDelivery('another', { timestamp, delivery: 'gh-1', body });
    expect(refusal(signed({ signature: other })).field).toBe('x-mentorflow-signature');
  });

  it('refuses a timestamp more than 5 minutes away, naming x-mentorflow-timestamp', () => {
    for (const at of [now + 301_000, now - 301_000]) {
      const error = refusal(signed(), body, at);
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', field: 'x-mentorflow-timestamp' });
      expect(error.message).toMatch(/301 s/);
    }
  });

  it('names the header that is missing or malformed', () => {
    const cases: [Partial<DeliveryHeaders>, string][] = [
      [{ signature: undefined }, 'x-mentorflow-signature'],
      [{ signature: '' }, 'x-mentorflow-signature'],
      [{ timestamp: undefined }, 'x-mentorflow-timestamp'],
      [{ timestamp: '2025-06-15T12:00:00Z' }, 'x-mentorflow-timestamp'],
      [{ timestamp: '-5' }, 'x-mentorflow-timestamp'],
      [{ delivery: undefined }, 'x-mentorflow-delivery'],
      [{ delivery: '   ' }, 'x-mentorflow-delivery'],
      [{ delivery: 'x'.repeat(201) }, 'x-mentorflow-delivery'],
      [{ delivery: 'tab\tinside' }, 'x-mentorflow-delivery'],
      [{ delivery: 'caf\u00e9' }, 'x-mentorflow-delivery'],
    ];
    for (const [over, field] of cases) {
      expect(refusal(signed(over)), JSON.stringify(over)).toMatchObject({
        code: 'UNAUTHORIZED',
        field,
      });
    }
    const longest = 'x'.repeat(200);
    const sig = signDelivery(secret, { timestamp, delivery: longest, body });
    expect(
      verifyDelivery(secret, body, { signature: sig, timestamp, delivery: longest }, now),
    ).toMatchObject({ delivery: longest });
  });

  it('refuses everything while no secret is configured', () => {
    for (const missing of [undefined, '']) {
      expect(() => verifyDelivery(missing, body, signed(), now)).toThrow(/WEBHOOK_SECRET/);
    }
  });
});
