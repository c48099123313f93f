/**
 * A small HTTP client for the e2e tests: JSON calls with an API key, and an SSE reader that records
 * when each event arrived, so tests can tell a stream from a body delivered at once.
 */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Api {
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  /** Raw fetch against `${baseUrl}/api${path}` with the key (and JSON content type when a body is given). */
  fetch(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
}

/** `key` undefined sends no Authorization header. */
export function apiClient(baseUrl: string, key?: string): Api {
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const call = (
    path: string,
    init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
  ) =>
    fetch(`${baseUrl}/api${path}`, {
      ...init,
      headers: {
        ...auth,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  const parse = async (res: Response): Promise<ApiResponse> => {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body };
  };
  return {
    get: async (path, headers) => parse(await call(path, { headers })),
    post: async (path, body, headers) =>
      parse(
        await call(path, {
          method: 'POST',
          body:
            body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          headers,
        }),
      ),
    fetch: call,
  };
}

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
  /** Index of the network read (chunk) in which the event completed. */
  chunk: number;
  /** ms since the reader started. */
  at: number;
}

/**
 * Read an SSE response incrementally with its body reader, chunk by chunk, until the stream ends or
 * `until(event)` is true (then the reader is cancelled).
 */
export async function readSse(
  res: Response,
  until?: (event: SseEvent) => boolean,
): Promise<SseEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const started = performance.now();
  let buffer = '';
  let chunk = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return events;
    chunk++;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        frame
          .split('\n')
          .filter((l) => l.startsWith(`${name}:`))
          .map((l) => l.slice(name.length + 1).replace(/^ /, ''));
      const event: SseEvent = {
        event: field('event')[0] ?? 'message',
        data: field('data').join('\n'),
        id: field('id')[0],
        chunk,
        at: performance.now() - started,
      };
      events.push(event);
      if (until?.(event)) {
        await reader.cancel();
        return events;
      }
    }
  }
}

/** Poll `read` until `done(value)` or the timeout; returns the last value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
