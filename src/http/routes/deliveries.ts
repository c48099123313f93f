import { z } from 'zod';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';
import { deliverySchema } from './escalations.ts';

/** Notification deliveries (issue 12): sending a dead-lettered one again. Operator keys only. */
const idParams = z.object({
  id: z.coerce
    .number({ error: 'expected a delivery id (a positive integer)' })
    .int('expected a delivery id (a positive integer)')
    .positive('expected a delivery id (a positive integer)')
    .max(Number.MAX_SAFE_INTEGER, 'expected a delivery id (a positive integer)'),
});

export const deliveryRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/deliveries/:id/retry',
    summary:
      'Send a dead-lettered delivery again: one more round of NOTIFY_MAX_ATTEMPTS attempts with the backoff from its start, the attempts so far kept',
    tags: ['escalations'],
    operatorOnly: true,
    params: idParams,
    responses: {
      202: { description: 'the delivery, queued again', schema: deliverySchema },
      404: { description: 'no such delivery', schema: errorBodySchema },
      409: {
        description: 'the delivery was delivered, or is still being retried (not dead-lettered)',
        schema: errorBodySchema,
      },
    },
    async handle({ params, app }) {
      return Response.json(await app.notify.retryDelivery(params.id), { status: 202 });
    },
  }),
];
