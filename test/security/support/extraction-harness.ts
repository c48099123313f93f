import type { Hono } from 'hono';
import { loadConfig } from '../../../src/config/index.ts';
import type { App } from '../../../src/app.ts';

/**
 * The whole product in-process for the held-out extraction test: the app as `mentorflow start`
 * builds it (same server configuration, auth on), its HTTP surface called through Hono's
 * `request` (no socket), and readers that turn any answer into the texts a client received.
 */
export interface Product {
  app: App;
  http: Hono;
  close(): Promise<void>;
}

export async function startProduct(keys: string[]): Promise<Product> {
  const { createApp } = await import('../../../src/app.ts');
  const { serverConfig } = await import('../../../src/http/server-config.ts');
  const { createHttpApp } = await import('../../../src/app/http-app.ts');
  const { normaliseErrorBodies } = await import('../../../src/http/json-errors.ts');
  const app = await createApp(
    loadConfig(process.env, { MENTORFLOW_API_KEYS: keys.join(','), TIME_SCALE: '1' }),
    { server: serverConfig },
  );
  const http = await createHttpApp(app.mastra, {
    frameworkPublic: [normaliseErrorBodies(app.logger)],
  });
  return { app, http, close: () => app.close() };
}

export interface Answer {
  status: number;
  /** Every text the client received (strings of a JSON body, SSE data, token streams, a page). */
  texts: string[];
  json?: Record<string, unknown>;
}

/** `key` as a bearer token, or as the sign-in cookie for pages (`cookie: true`). */
export async function request(
  http: Hono,
  method: string,
  path: string,
  key: string,
  options: { body?: unknown; sse?: boolean; cookie?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = options.cookie
    ? { cookie: `mentorflow_key=${key}` }
    : { authorization: `Bearer ${key}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.sse) headers.accept = 'text/event-stream';
  const res = await http.request(path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const raw = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream') || /^(event|data): /m.test(raw.slice(0, 200)))
    return { status: res.status, ...sseTexts(raw) };
  try {
    const json = JSON.parse(raw) as Record<string, unknown>;
    return { status: res.status, texts: stringsOf(json), json };
  } catch {
    return { status: res.status, texts: raw.trim() ? [raw] : [] };
  }
}

/** The strings in a JSON value worth reading (ids, dates and short labels skipped). */
export function stringsOf(value: unknown, out = new Set<string>()): string[] {
  if (typeof value === 'string') {
    if (value.length >= 12) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) stringsOf(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) stringsOf(v, out);
  }
  return [...out];
}

/**
 * An SSE body: the strings of every event's data, plus each token stream joined (mentorflow's
 * `token` events per agent call, Mastra's `text-delta` chunks) — what a client shows as it arrives.
 */
export function sseTexts(raw: string): { texts: string[]; json?: Record<string, unknown> } {
  const texts = new Set<string>();
  const streams = new Map<string, string>();
  let done: Record<string, unknown> | undefined;
  for (const block of raw.split(/\n\n+/)) {
    const event = /^event: ?(.*)$/m.exec(block)?.[1]?.trim() ?? 'message';
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.replace(/^data: ?/, ''))
      .join('\n');
    if (!data) continue;
    let parsed: SseData;
    try {
      parsed = JSON.parse(data);
    } catch {
      texts.add(data);
      continue;
    }
    if (event === 'done') done = parsed as Record<string, unknown>;
    if (event === 'token' && typeof parsed?.text === 'string') {
      const key = `token:${parsed.call ?? 0}`;
      streams.set(key, (streams.get(key) ?? '') + parsed.text);
      continue;
    }
    const delta =
      parsed?.type === 'text-delta'
        ? (parsed.payload?.text ?? parsed.textDelta ?? parsed.delta)
        : undefined;
    if (typeof delta === 'string') {
      streams.set('text-delta', (streams.get('text-delta') ?? '') + delta);
      continue;
    }
    for (const s of stringsOf(parsed)) texts.add(s);
  }
  for (const s of streams.values()) if (s.trim()) texts.add(s);
  return { texts: [...texts], json: done };
}

/** Replies of a turn answered by the configured (compliant) model rather than rules. */
export const modelReplies = (json: unknown): number =>
  ((json as { replies?: { model?: string }[] } | undefined)?.replies ?? []).filter((r) =>
    r.model?.startsWith('openai/'),
  ).length;

/** The fields of an SSE event's data this reader looks at. */
interface SseData {
  type?: string;
  text?: unknown;
  call?: unknown;
  textDelta?: unknown;
  delta?: unknown;
  payload?: { text?: unknown };
}
