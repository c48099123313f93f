import type { Queryable } from '../../db/transaction.ts';

/** A delivery as the API shows it. */
export interface DeliveryView {
  readonly id: number;
  readonly channel: 'webhook' | 'slack' | 'email';
  readonly target: string;
  readonly level: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
}

export type EscalationStatus = 'open' | 'acknowledged' | 'resolved';

/** An escalation as the API shows it (`GET /api/escalations`). */
export interface EscalationView {
  readonly id: number;
  readonly sessionId: string;
  readonly learnerId: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly level: number;
  readonly status: EscalationStatus;
  readonly createdAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly assignedTo: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly resolutionNote: string | null;
  readonly deliveries: readonly DeliveryView[];
}

/** The JSON of one delivery row, built in SQL (shared by escalations and notifications). */
export const deliveryJson = (d: string) => `json_build_object(
  'id', ${d}.id, 'channel', ${d}.channel, 'target', ${d}.target, 'level', ${d}.level,
  'attempts', ${d}.attempts, 'lastError', ${d}.last_error, 'lastAttemptAt', ${d}.last_attempt_at,
  'nextAttemptAt', case when ${d}.delivered_at is null and ${d}.dead_at is null then ${d}.next_attempt_at end,
  'deliveredAt', ${d}.delivered_at, 'deadAt', ${d}.dead_at)`;

const select = `
  select json_build_object(
    'id', e.id, 'sessionId', e.session_id, 'learnerId', e.learner_id, 'kind', e.kind,
    'reason', e.reason, 'level', e.level, 'status', e.status, 'createdAt', e.created_at,
    'acknowledgedAt', e.acknowledged_at, 'acknowledgedBy', e.acknowledged_by,
    'assignedTo', e.assigned_to, 'resolvedAt', e.resolved_at, 'resolvedBy', e.resolved_by,
    'resolutionNote', e.resolution_note,
    'deliveries', coalesce((select json_agg(${deliveryJson('d')} order by d.id)
                            from deliveries d where d.escalation_id = e.id), '[]'::json)
  ) as view
  from escalations e`;

export interface EscalationFilter {
  readonly status?: EscalationStatus;
  readonly sessionId?: string;
  readonly learnerId?: string;
  readonly limit?: number;
}

/** Escalations, newest first. */
export async function selectEscalations(
  db: Queryable,
  filter: EscalationFilter,
): Promise<EscalationView[]> {
  const { rows } = await db.query<{ view: EscalationView }>(
    `${select}
     where ($1::text is null or e.status = $1) and ($2::uuid is null or e.session_id = $2)
       and ($3::text is null or e.learner_id = $3)
     order by e.id desc limit $4`,
    [
      filter.status ?? null,
      filter.sessionId ?? null,
      filter.learnerId ?? null,
      filter.limit ?? 100,
    ],
  );
  return rows.map((r) => r.view);
}

export async function selectEscalation(
  db: Queryable,
  id: number,
): Promise<EscalationView | undefined> {
  const { rows } = await db.query<{ view: EscalationView }>(`${select} where e.id = $1`, [id]);
  return rows[0]?.view;
}

/** Locks the escalation row for an action; undefined when there is none. */
export async function lockEscalation(
  db: Queryable,
  id: number,
): Promise<
  | { status: EscalationStatus; session_id: string; notification_id: string; level: number }
  | undefined
> {
  const { rows } = await db.query(
    'select status, session_id::text, notification_id::text, level from escalations where id = $1 for update',
    [id],
  );
  return rows[0];
}
