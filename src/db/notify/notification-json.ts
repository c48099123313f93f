import { deliveryJson } from './delivery-json.ts';

/** The deliveries of one notification as a JSON array, built in SQL. */
const deliveriesOf = (source: 'session' | 'run', id: string) =>
  `coalesce((select json_agg(${deliveryJson('d')} order by d.id) from deliveries d
             where d.source = '${source}' and d.notification_id = ${id}), '[]'::json)`;

/** A session notification (`notifications` row `n`) as the API shows it, with its deliveries. */
export const sessionNotificationJson = (n: string) => `json_build_object('source', 'session',
  'id', ${n}.id, 'kind', ${n}.kind, 'recipient', ${n}.recipient, 'sessionId', ${n}.session_id,
  'runId', null, 'payload', ${n}.payload, 'createdAt', ${n}.created_at, 'deliveredAt', ${n}.delivered_at,
  'deliveries', ${deliveriesOf('session', `${n}.id`)})`;

/** A run notification (`implementation_notifications` row `r`) as the API shows it. */
export const runNotificationJson = (r: string) => `json_build_object('source', 'run',
  'id', ${r}.id, 'kind', ${r}.kind, 'recipient', ${r}.recipient, 'sessionId', null,
  'runId', ${r}.run_id, 'payload', ${r}.payload, 'createdAt', ${r}.created_at, 'deliveredAt', ${r}.delivered_at,
  'deliveries', ${deliveriesOf('run', `${r}.id`)})`;
