import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request a receiver got. */
export interface Received {
  readonly at: number;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  readonly json: Record<string, any>;
  /** The status it answered. */
  readonly status: number;
}

/**
 * A real HTTP webhook receiver (node:http). `failures(path, n)` makes the next n requests to a path
 * answer 500; `down()` / `up()` close and reopen the listening socket on the same port.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const failing = new Map<string, number>();
  const handler = (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      const left = failing.get(path) ?? 0;
      const status = left > 0 ? 500 : 200;
      if (left > 0) failing.set(path, left - 1);
      let json: Record<string, any> = {};
      try {
        json = JSON.parse(body);
      } catch {}
      received.push({ at: Date.now(), path, headers: req.headers, body, json, status });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'receiver says no');
    });
  };
  let server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failures(path: string, n: number) {
      failing.set(path, n);
    },
    down: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
    async up() {
      server = createServer(handler);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** Verifies `x-mentorflow-signature: sha256=<hex>` as a receiver would. */
export function signatureValid(body: string, header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const got = Buffer.from(header.slice('sha256='.length), 'hex');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`), as a mail client shows a subject. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

export interface Mail {
  readonly at: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly subject: string;
}

/**
 * A real SMTP server in-process (the smtp-server package), collecting every message; `down()` /
 * `up()` stop it and start a new one on the same port.
 */
export async function startSmtp() {
  const mails: Mail[] = [];
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
          const subject = decodeHeader(folded.replace(/\r?\n[ \t]/g, ' '));
          mails.push({
            at: Date.now(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject,
          });
          callback();
        });
      },
    });
  let server = create();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  const close = () => new Promise<void>((r) => server.close(() => r()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    down: close,
    async up() {
      server = create();
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    },
    close,
  };
}
