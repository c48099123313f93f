import type { Context } from 'hono';
import type { App } from '../../../app.ts';
import {
  escalationNoticesAfter,
  latestNotificationId,
} from '../../../db/console/escalation-notices-after.ts';
import { escalationsMarker } from '../../../db/console/escalations-marker.ts';
import { eventsAfter, latestEventCursor } from '../../../db/console/events-after.ts';
import { runChangesMarker } from '../../../db/console/run-changes-marker.ts';
import { noticesMarker } from '../../../db/notify/notices-marker.ts';
import { pollingStream, SeenSet } from '../live-stream.ts';

/** Events stored up to this long before the newest one seen are read again (late commits). */
const lateCommitMs = 5_000;
/** Notification ids this far below the highest seen are read again (ids commit out of order too). */
const lateIds = 50;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `GET /console/live` (SSE): `session-event` for each new inbox event (of one session with
 * `?session=`), `escalation` for each new notification, `escalation-change` when an escalation or
 * its deliveries changed, `runs` when an implementation run changed, `deliveries` when a delivery of
 * another notification (an approval request, a notice) changed. The console's pages re-read their server-rendered parts on these.
 */
export function consoleLive(c: Context, app: App): Response {
  const pool = app.database.pool;
  const only = c.req.query('session');
  const sessionId = only && uuid.test(only) ? only : undefined;
  const seenEvents = new SeenSet();
  const seenNotices = new SeenSet();
  // Start at the newest stored event; the ones of the late-commit window before it count as seen.
  let since: Promise<string> | string = latestEventCursor(pool).then(async (latest) => {
    const start = new Date(new Date(latest.receivedAt).getTime() - lateCommitMs).toISOString();
    const zero = { receivedAt: start, sessionId: '00000000-0000-0000-0000-000000000000', seq: 0 };
    for (const event of await eventsAfter(pool, zero, sessionId, 500))
      seenEvents.add(`${event.sessionId}:${event.seq}`, new Date(event.receivedAt).getTime());
    return start;
  });
  let noticeFloor: Promise<number> | number = latestNotificationId(pool);
  let marker: Promise<string> | string = runChangesMarker(pool);
  let escalations: Promise<string> | string = escalationsMarker(pool);
  let notices: Promise<string> | string = noticesMarker(pool);
  return pollingStream(c, async (stream) => {
    since = await since;
    noticeFloor = await noticeFloor;
    marker = await marker;
    escalations = await escalations;
    notices = await notices;
    const cursor = { receivedAt: since, sessionId: '00000000-0000-0000-0000-000000000000', seq: 0 };
    let newest = new Date(since).getTime();
    for (const event of await eventsAfter(pool, cursor, sessionId, 500)) {
      const at = new Date(event.receivedAt).getTime();
      newest = Math.max(newest, at);
      if (seenEvents.add(`${event.sessionId}:${event.seq}`, at))
        await stream.writeSSE({ event: 'session-event', data: JSON.stringify(event) });
    }
    const windowStart = newest - lateCommitMs;
    if (windowStart > new Date(since).getTime()) {
      since = new Date(windowStart).toISOString();
      seenEvents.prune(windowStart);
    }
    let highest = noticeFloor;
    for (const notice of await escalationNoticesAfter(pool, noticeFloor)) {
      highest = Math.max(highest, notice.id);
      if (seenNotices.add(String(notice.id), notice.id))
        await stream.writeSSE({ event: 'escalation', data: JSON.stringify(notice) });
    }
    if (highest - lateIds > noticeFloor) {
      noticeFloor = highest - lateIds;
      seenNotices.prune(noticeFloor + 1);
    }
    const changed = await escalationsMarker(pool);
    if (changed !== escalations) {
      escalations = changed;
      await stream.writeSSE({ event: 'escalation-change', data: '{}' });
    }
    const noticesNow = await noticesMarker(pool);
    if (noticesNow !== notices) {
      notices = noticesNow;
      await stream.writeSSE({ event: 'deliveries', data: '{}' });
    }
    const now = await runChangesMarker(pool);
    if (now !== marker) {
      marker = now;
      await stream.writeSSE({ event: 'runs', data: JSON.stringify({ marker: now }) });
    }
  });
}
