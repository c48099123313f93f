import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';

/** True when the client asked for Server-Sent Events. */
export function wantsEventStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** Open an SSE response; `run` writes events and returns when the stream should end. */
export function sse(c: Context, run: (stream: SSEStreamingApi) => Promise<void>): Response {
  return streamSSE(c, async (stream) => {
    await run(stream);
  });
}

/**
 * Split a reply into word-sized pieces for token-by-token display. The turn's reply is complete when
 * it is committed (the state change and the reply are one transaction), so this paces delivery rather
 * than exposing model tokens as they are generated.
 */
export function textChunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
