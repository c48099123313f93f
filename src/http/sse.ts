import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { textChunks } from '../util/text-chunks.ts';

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

export { textChunks };

/** Longest pause between two pieces, and the most pacing adds to one reply. */
const pieceDelayMs = 15;
const replyDelayBudgetMs = 300;

/**
 * Write `text` as `token` events, one word-sized piece each, paced so that clients receive (and can
 * show) the reply progressively instead of in one network read; pacing adds at most ~300 ms per reply.
 */
export async function streamTokens(stream: SSEStreamingApi, text: string): Promise<void> {
  const pieces = textChunks(text);
  const delay = pieces.length > 1 ? Math.min(pieceDelayMs, replyDelayBudgetMs / pieces.length) : 0;
  for (const [index, piece] of pieces.entries()) {
    if (stream.aborted || stream.closed) return;
    if (index > 0 && delay > 0) await stream.sleep(delay);
    await stream.writeSSE({ event: 'token', data: JSON.stringify({ text: piece }) });
  }
}
