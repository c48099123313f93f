import type { Queryable } from '../transaction.ts';
import { deliveryJson } from './delivery-json.ts';
import type { DeliveryView } from './types.ts';

/** One delivery as the API shows it; undefined when there is none. */
export async function selectDeliveryView(
  db: Queryable,
  id: number,
): Promise<DeliveryView | undefined> {
  const { rows } = await db.query<{ view: DeliveryView }>(
    `select ${deliveryJson('d')} as view from deliveries d where d.id = $1`,
    [id],
  );
  return rows[0]?.view;
}
