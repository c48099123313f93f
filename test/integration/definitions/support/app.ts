import { afterAll, beforeAll } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { loadConfig, type ConfigInput } from '../../../../src/config/index.ts';

const { createApp } = await import('../../../../src/app.ts');
export type TestApp = Awaited<ReturnType<typeof createApp>>;

/** The whole app in rules mode (no model key: agents answer deterministically), background running. */
export async function startApp(overrides: ConfigInput = {}): Promise<TestApp> {
  const app = await createApp(
    loadConfig(process.env, {
      MODEL: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      TURN_RUNNER: 'direct',
      WORKER: 'true',
      TIME_SCALE: '0.01',
      ...overrides,
    }),
  );
  await app.mastra.startWorkers();
  return app;
}

/** Poll `read` until `done` holds (or throw after `ms`). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const ended = (r: { status: string }) =>
  ['completed', 'failed', 'cancelled'].includes(r.status);

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Receiver {
  url: string;
  calls: Recorded[];
  server: Server;
  close(): Promise<void>;
}

/**
 * A real local HTTP server standing in for an outside API: records every call; `reply` decides the
 * answer (status and JSON body, or a promise that holds the response).
 */
export async function startReceiver(
  reply: (
    call: Recorded,
    index: number,
  ) => Promise<{ status: number; body?: unknown }> | { status: number; body?: unknown },
): Promise<Receiver> {
  const calls: Recorded[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Keep the text.
    }
    const call = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    calls.push(call);
    try {
      const answer = await reply(call, calls.length - 1);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body ?? {}));
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * The app of a test file: started before its tests, closed after them with the receivers they
 * started. `run` reads a run, `untilEnded` waits for it to end.
 */
export function useTestApp(overrides: ConfigInput = {}) {
  const receivers: Receiver[] = [];
  const fixture = {
    app: undefined as unknown as TestApp,
    async receiver(reply: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
      const r = await startReceiver(reply);
      receivers.push(r);
      return r;
    },
    run: (id: string) => fixture.app.definitions.getRun(id),
    untilEnded: (id: string) => eventually(() => fixture.run(id), ended),
  };
  beforeAll(async () => {
    fixture.app = await startApp(overrides);
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await fixture.app?.close();
  });
  return fixture;
}
