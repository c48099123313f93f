import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { TurnReplyStreams } from '../sessions/agent-port.ts';

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

/** An SSE writer that keeps events in order when they come from synchronous callbacks. */
export interface OrderedEvents {
  send(event: string, data: unknown): void;
  /** Resolves once everything sent so far is written. */
  flushed(): Promise<void>;
}

export function orderedEvents(stream: SSEStreamingApi): OrderedEvents {
  let tail: Promise<void> = Promise.resolve();
  return {
    send(event, data) {
      tail = tail.then(async () => {
        if (stream.aborted || stream.closed) return;
        await stream.writeSSE({ event, data: JSON.stringify(data) });
      });
    },
    flushed: () => tail,
  };
}

/**
 * A turn's live replies as SSE: `token` `{ text, call }` while agent call `call` writes, and
 * `error` `{ error: { code: 'STREAM_RESET' }, call }` when that call's text so far is void (it is
 * tried again, or rules mode answers; its new text follows).
 */
export function sseReplyStreams(events: OrderedEvents): TurnReplyStreams {
  let calls = 0;
  return {
    open() {
      const call = calls++;
      return {
        call,
        stream: {
          text: (text) => events.send('token', { text, call }),
          reset: (reason) =>
            events.send('error', {
              error: { code: 'STREAM_RESET', message: `The reply so far is void: ${reason}.` },
              call,
            }),
        },
      };
    },
  };
}
