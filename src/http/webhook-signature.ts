import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

/** Header carrying `sha256=<hex HMAC of the raw body>` (the GitHub convention). */
export const signatureHeader = 'x-mentorflow-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Throws UNAUTHORIZED unless `header` is the HMAC of `body` under `secret` (constant-time compare). */
export function verifySignature(secret: string | undefined, body: string, header: string | undefined): void {
  if (!secret) throw new AppError('UNAUTHORIZED', 'webhooks are disabled: set WEBHOOK_SECRET on the server', { field: signatureHeader });
  if (!header) throw new AppError('UNAUTHORIZED', `missing ${signatureHeader} header`, { field: signatureHeader });
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header.trim());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('UNAUTHORIZED', `${signatureHeader} does not match the body`, { field: signatureHeader });
  }
}
