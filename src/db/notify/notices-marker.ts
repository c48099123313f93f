import type { Queryable } from '../transaction.ts';

/**
 * A marker that moves whenever a delivery outside escalations changes (an attempt made, delivered,
 * dead, retried): the console's list of undelivered notifications re-reads itself when it does.
 * Empty before the delivery schema exists.
 */
export async function noticesMarker(db: Queryable): Promise<string> {
  try {
    const { rows } = await db.query<{ marker: string }>(
      `select count(*) || ':' || coalesce(sum(attempts), 0) || ':' || count(delivered_at) || ':' || count(dead_at)
              as marker
         from deliveries where escalation_id is null`,
    );
    return rows[0]?.marker ?? '';
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return '';
    throw error;
  }
}
