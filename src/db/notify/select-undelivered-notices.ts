import type { Queryable } from '../transaction.ts';
import { runNotificationJson, sessionNotificationJson } from './notification-json.ts';
import type { NotificationView } from './types.ts';

/**
 * Notifications outside escalations (approval requests and their escalations, a session's notices)
 * with a delivery not delivered yet — still retrying or dead-lettered — newest first. Escalations'
 * deliveries are shown with the escalation.
 */
export async function selectUndeliveredNotices(
  db: Queryable,
  limit = 50,
): Promise<NotificationView[]> {
  const { rows } = await db.query<{ view: NotificationView }>(
    `with pending as (
       select distinct source, notification_id from deliveries
        where delivered_at is null and escalation_id is null)
     select view from (
       select n.created_at, n.id, ${sessionNotificationJson('n')} as view
         from pending p join notifications n on p.source = 'session' and n.id = p.notification_id
       union all
       select r.created_at, r.id, ${runNotificationJson('r')} as view
         from pending p join implementation_notifications r on p.source = 'run' and r.id = p.notification_id
     ) x order by created_at desc, id desc limit $1`,
    [limit],
  );
  return rows.map((r) => r.view);
}
