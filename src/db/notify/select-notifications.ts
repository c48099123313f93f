import type { Queryable } from '../transaction.ts';
import { runNotificationJson, sessionNotificationJson } from './notification-json.ts';
import type { NotificationFilter, NotificationView } from './types.ts';

/** Notifications newest first (session recipients other than the learner, and every run notification). */
export async function selectNotifications(
  db: Queryable,
  filter: NotificationFilter,
): Promise<NotificationView[]> {
  const { rows } = await db.query<{ view: NotificationView }>(
    `select view from (
       select n.created_at, n.id, ${sessionNotificationJson('n')} as view
       from notifications n
       where n.recipient_kind <> 'learner' and ($1::text is null or $1 = 'session')
         and ($2::text is null or n.kind = $2) and ($3::uuid is null or n.session_id = $3)
         and $4::text is null
       union all
       select r.created_at, r.id, ${runNotificationJson('r')} as view
       from implementation_notifications r
       where ($1::text is null or $1 = 'run') and ($2::text is null or r.kind = $2)
         and ($4::text is null or r.run_id = $4) and $3::uuid is null
     ) x order by created_at desc, id desc limit $5`,
    [
      filter.source ?? null,
      filter.kind ?? null,
      filter.sessionId ?? null,
      filter.runId ?? null,
      filter.limit ?? 100,
    ],
  );
  return rows.map((r) => r.view);
}
