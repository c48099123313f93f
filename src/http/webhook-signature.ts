import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/*
 * Webhook signatures. The HMAC covers the timestamp and the delivery id as well as the body, so a
 * captured request can be neither re-sent later (the timestamp goes stale) nor re-sent under a new
 * delivery id (the signature no longer matches). An exact re-send inside the window keeps its
 * delivery id, which the routes' idempotency turns into the stored outcome: applied once.
 */

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<delivery>.<raw body>">` (GitHub's prefix). */
export const signatureHeader = 'x-mentorflow-signature';
/** When the sender signed the delivery, in unix seconds. */
export const timestampHeader = 'x-mentorflow-timestamp';
/** The sender's id of the delivery, the same on each retry of it. */
export const deliveryHeader = 'x-mentorflow-delivery';
/** How far a timestamp may be from the server's clock, either way. */
export const maxClockSkewSeconds = 300;

// Digits only: the signed text splits unambiguously at the first dot. 12 digits is far past 2100.
const timestampPattern = /^[0-9]{1,12}$/;
// Printable ASCII, so the id reads the same in logs, the inbox and the sender's console.
const deliveryPattern = /^[\x20-\x7e]{1,200}$/;

/** What a delivery's sender signs. */
export interface SignedParts {
  /** Unix seconds, as sent in `x-mentorflow-timestamp`. */
  timestamp: string;
  /** As sent in `x-mentorflow-delivery`. */
  delivery: string;
  /** The raw request body. */
  body: string;
}

/** The three headers as received (`undefined` when absent). */
export interface DeliveryHeaders {
  signature: string | undefined;
  timestamp: string | undefined;
  delivery: string | undefined;
}

/** A delivery whose signature and timestamp were accepted. */
export interface VerifiedDelivery {
  delivery: string;
  /** Unix seconds. */
  timestamp: number;
}

/**
 * The `x-mentorflow-signature` value for a delivery: `sha256=` and the hex HMAC-SHA256 under
 * `secret` of `<timestamp>.<delivery>.<body>`. Senders (and tests) sign with this.
 */
export function signDelivery(secret: string, parts: SignedParts): string {
  const signed = `${parts.timestamp}.${parts.delivery}.${parts.body}`;
  return `sha256=${createHmac('sha256', secret).update(signed).digest('hex')}`;
}

const unauthorized = (field: string, message: string) =>
  new AppError('UNAUTHORIZED', message, { field });

/**
 * Accept a delivery or throw UNAUTHORIZED naming the header at fault: webhooks disabled (no
 * `secret`), a header missing or malformed, a signature that does not match (compared in constant
 * time), or a timestamp more than {@link maxClockSkewSeconds} from `nowMs`.
 */
export function verifyDelivery(
  secret: string | undefined,
  body: string,
  headers: DeliveryHeaders,
  nowMs: number = Date.now(),
): VerifiedDelivery {
  if (!secret) {
    throw unauthorized(signatureHeader, 'webhooks are disabled: set WEBHOOK_SECRET on the server');
  }
  const signature = headers.signature?.trim();
  if (!signature) throw unauthorized(signatureHeader, `missing ${signatureHeader} header`);
  const timestamp = headers.timestamp?.trim();
  if (!timestamp) throw unauthorized(timestampHeader, `missing ${timestampHeader} header`);
  if (!timestampPattern.test(timestamp)) {
    throw unauthorized(timestampHeader, `${timestampHeader}: expected unix seconds`);
  }
  const delivery = headers.delivery?.trim();
  if (!delivery) throw unauthorized(deliveryHeader, `missing ${deliveryHeader} header`);
  if (!deliveryPattern.test(delivery)) {
    throw unauthorized(deliveryHeader, `${deliveryHeader}: expected 1-200 printable characters`);
  }

  const expected = Buffer.from(signDelivery(secret, { timestamp, delivery, body }));
  // Hex is case-insensitive; lower-casing the sender's value leaks nothing about the secret.
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw unauthorized(
      signatureHeader,
      `${signatureHeader} does not match the timestamp, delivery id and body`,
    );
  }

  // Checked after the signature: only a genuine (or replayed) delivery learns about the clock.
  const seconds = Number(timestamp);
  const skew = Math.abs(nowMs / 1000 - seconds);
  if (skew > maxClockSkewSeconds) {
    throw unauthorized(
      timestampHeader,
      `${timestampHeader} is ${Math.round(skew)} s from the server's clock ` +
        `(at most ${maxClockSkewSeconds} s)`,
    );
  }
  return { delivery, timestamp: seconds };
}
