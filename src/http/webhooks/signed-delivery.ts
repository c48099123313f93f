import type { Context } from 'hono';
import { AppError } from '../../errors/app-error.ts';
import {
  deliveryHeader,
  signatureHeader,
  timestampHeader,
  verifyDelivery,
} from '../webhook-signature.ts';

/**
 * A signed delivery's JSON payload and id: the raw body checked against the signature headers
 * (401 naming the header at fault), then parsed (400 naming `body`). The signature covers the
 * delivery id, so a captured body cannot be re-sent under a new id.
 */
export async function readSignedDelivery(
  c: Context,
  secret: string | undefined,
): Promise<{ delivery: string; payload: unknown }> {
  const raw = await c.req.raw.clone().text();
  const { delivery } = verifyDelivery(secret, raw, {
    signature: c.req.header(signatureHeader),
    timestamp: c.req.header(timestampHeader),
    delivery: c.req.header(deliveryHeader),
  });
  try {
    return { delivery, payload: JSON.parse(raw) };
  } catch {
    throw new AppError('INVALID_JSON', 'body: not valid JSON', { field: 'body' });
  }
}
