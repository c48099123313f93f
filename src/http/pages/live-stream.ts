import type { Context } from 'hono';
import type { SSEStreamingApi } from 'hono/streaming';
import { sse } from '../sse.ts';

/** How often a live page's stream looks for changes, and how often it proves it is alive. */
const pollMs = 400;
const heartbeatMs = 15_000;

/**
 * An SSE stream that calls `poll` until the client goes away. Polling the tables keeps the live
 * pages independent of which process committed a change (another server, a timer job, the CLI);
 * each poll is a few indexed reads. A comment line every 15 s keeps proxies from closing the stream.
 */
export function pollingStream(
  c: Context,
  poll: (stream: SSEStreamingApi) => Promise<void>,
): Response {
  return sse(c, async (stream) => {
    let closed = false;
    stream.onAbort(() => {
      closed = true;
    });
    let quietSince = Date.now();
    await stream.writeSSE({ event: 'ready', data: '{}' });
    while (!closed && !stream.aborted && !stream.closed) {
      await poll(stream);
      if (Date.now() - quietSince > heartbeatMs) {
        await stream.write(': alive\n\n');
        quietSince = Date.now();
      }
      await stream.sleep(pollMs);
    }
  });
}

/**
 * Remembers what a feed has sent, so a poll can re-read a window a little older than its last item
 * (rows committed late with an earlier timestamp or id are still seen) without sending twice.
 */
export class SeenSet {
  readonly #seen = new Map<string, number>();

  /** True the first time `key` is offered; `at` (ms) is when it happened, for pruning. */
  add(key: string, at: number): boolean {
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, at);
    return true;
  }

  /** Forget keys older than `before` (ms): the window no longer reaches them. */
  prune(before: number): void {
    for (const [key, at] of this.#seen) if (at < before) this.#seen.delete(key);
  }
}
