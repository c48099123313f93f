import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import { sessionProgress } from '../../../db/console/session-progress.ts';
import { turnsAfter } from '../../../db/console/turns-after.ts';
import { pollingStream } from '../live-stream.ts';
import { ownEventTypes, replyAuthor } from './conversation.ts';
import { percentDone } from './session-page.ts';

/**
 * `GET /chat/:id/live` (SSE): `state` whenever the session moves (state, status, progress, current
 * task), `reply` for each turn the learner's page did not itself ask for — a human mentor's reply, a
 * timer's check-in — after turn `?after=`. Only learner-facing text leaves the server.
 */
export function chatLive(c: Context, app: App, sessionId: string): Response {
  const pool = app.database.pool;
  // A reconnecting EventSource sends the last turn it received.
  const start = Math.max(
    Number(c.req.query('after') ?? 0) || 0,
    Number(c.req.header('last-event-id') ?? 0) || 0,
  );
  let after = Number.isSafeInteger(start) && start > 0 ? start : 0;
  let version = -1;
  return pollingStream(c, async (stream) => {
    const progress = await sessionProgress(pool, sessionId);
    if (!progress) return;
    if (progress.version !== version) {
      version = progress.version;
      const view = await app.sessions.getSession(sessionId);
      const percent = percentDone(progress);
      await stream.writeSSE({
        event: 'state',
        data: JSON.stringify({
          state: view.state,
          status: view.status,
          version: view.version,
          currentTask: view.currentTask,
          percent,
          progressText:
            progress.tasks > 0
              ? `task ${Math.min(progress.taskIndex + 1, progress.tasks)} of ${progress.tasks}`
              : `${percent}%`,
        }),
      });
    }
    for (const turn of await turnsAfter(pool, sessionId, after)) {
      after = turn.turnId;
      if (turn.source === 'client' && ownEventTypes.has(turn.eventType)) continue;
      if (turn.replies.length === 0) continue;
      await stream.writeSSE({
        id: String(turn.turnId),
        event: 'reply',
        data: JSON.stringify({
          turnId: turn.turnId,
          replies: turn.replies.map((r) => ({
            text: r.text,
            author: replyAuthor(r, turn.eventType),
          })),
        }),
      });
    }
  });
}
