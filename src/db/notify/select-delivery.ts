import type { Queryable } from '../transaction.ts';
import type { DeliveryRow } from './types.ts';

/** The delivery `id`, or undefined when it no longer exists. */
export async function selectDelivery(db: Queryable, id: number): Promise<DeliveryRow | undefined> {
  const { rows } = await db.query<DeliveryRow>(
    `select d.id::text, d.source, d.notification_id::text, d.escalation_id::text, d.level, d.channel,
            d.target, d.attempts, d.delivered_at, d.dead_at,
            coalesce(n.kind, r.kind) as kind, coalesce(n.recipient, r.recipient) as recipient,
            coalesce(n.payload, r.payload) as payload, coalesce(n.created_at, r.created_at) as notified_at,
            n.session_id::text, s.learner_id, s.story->>'title' as story_title, r.run_id,
            e.status as escalation_status, e.reason as escalation_reason
     from deliveries d
     left join notifications n on d.source = 'session' and n.id = d.notification_id
     left join sessions s on s.id = n.session_id
     left join implementation_notifications r on d.source = 'run' and r.id = d.notification_id
     left join escalations e on e.id = d.escalation_id
     where d.id = $1`,
    [id],
  );
  return rows[0];
}
