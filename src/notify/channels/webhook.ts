import { createHmac } from 'node:crypto';

/** Header carrying `sha256=<hex HMAC-SHA256 of the body>` with NOTIFY_WEBHOOK_SECRET. */
export const SIGNATURE_HEADER = 'x-mentorflow-signature';

/** The signature header value of `body` (what a receiver recomputes to verify it). */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A receiver that does not answer within this is a failed attempt (retried later). */
const TIMEOUT_MS = 10_000;

/**
 * POSTs the JSON body; any non-2xx answer, refused connection or timeout throws with a short reason
 * (stored as the delivery's last error). A `slack+` prefix is a channel marker, not part of the URL.
 */
export async function postWebhook(
  target: string,
  payload: unknown,
  secret: string | undefined,
): Promise<void> {
  const url = target.replace(/^slack\+/, '');
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'mentorflow-notify',
  };
  if (secret) headers[SIGNATURE_HEADER] = signBody(body, secret);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`POST failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok)
    throw new Error(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
}
