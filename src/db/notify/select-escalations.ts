import type { Queryable } from '../transaction.ts';
import { deliveryJson } from './delivery-json.ts';
import type { EscalationFilter, EscalationView } from './types.ts';

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

/** One escalation with its deliveries; undefined when there is none. */
export async function selectEscalation(
  db: Queryable,
  id: number,
): Promise<EscalationView | undefined> {
  const { rows } = await db.query<{ view: EscalationView }>(`${select} where e.id = $1`, [id]);
  return rows[0]?.view;
}
