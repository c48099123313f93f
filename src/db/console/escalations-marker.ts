import type { Queryable } from '../transaction.ts';

/**
 * A marker that moves whenever an escalation or one of its deliveries changes (acknowledged,
 * assigned, resolved, an attempt made, delivered, dead): the live inbox re-reads itself when it does.
 * Empty before the delivery schema exists.
 */
export async function escalationsMarker(db: Queryable): Promise<string> {
  try {
    const { rows } = await db.query<{ marker: string }>(
      `select concat_ws('/',
                (select count(*) || ':' || coalesce(max(updated_at)::text, '') from escalations),
                (select coalesce(sum(attempts), 0) || ':' || count(delivered_at) || ':' || count(dead_at)
                   from deliveries where escalation_id is not null)) as marker`,
    );
    return rows[0]?.marker ?? '';
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return '';
    throw error;
  }
}
