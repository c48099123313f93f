import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { reportEventTypes, reviewDecisions } from '../../sessions/index.ts';
import { parseBody } from '../parse-body.ts';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';
import {
  deliveryHeader,
  maxClockSkewSeconds,
  signatureHeader,
  timestampHeader,
} from '../webhook-signature.ts';
import { mapTicket } from '../webhooks/map-ticket.ts';
import { readSignedDelivery } from '../webhooks/signed-delivery.ts';
import { ticketMappings } from '../webhooks/ticket-mappings.ts';

/** A CI delivery: a report event for a session. The delivery id makes retried deliveries apply once. */
const ciPayload = z.object({
  sessionId: z.string().uuid('expected a session id (UUID)'),
  id: z.string().trim().min(1).max(200).optional(),
  type: z.enum([...reportEventTypes, 'commit'], {
    error: `expected one of ${[...reportEventTypes, 'commit'].join(', ')}`,
  }),
  data: z.record(z.string(), z.unknown()).default({}),
});
/** A code-review delivery from the code host. */
const reviewPayload = z.object({
  sessionId: z.string().uuid('expected a session id (UUID)'),
  id: z.string().trim().min(1).max(200).optional(),
  decision: z.enum(reviewDecisions),
  comments: z.array(z.unknown()).max(200).optional(),
  prUrl: z.string().max(2000).optional(),
});

export const webhookSources = ['ci', 'review', ...Object.keys(ticketMappings)] as const;

/** How a sender signs, for the OpenAPI summary (docs/api.md says the same). */
const signedHeaders =
  `Headers ${timestampHeader} (unix seconds, within ${maxClockSkewSeconds} s of the server), ` +
  `${deliveryHeader} (1-200 printable characters; a repeated id applies once) and ` +
  `${signatureHeader}: sha256=<hex HMAC-SHA256 with WEBHOOK_SECRET of ` +
  `"<timestamp>.<delivery>.<raw body>">`;

export const webhookRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/webhooks/:source',
    summary: `Signed deliveries from CI (test/lint/coverage… reports), code review, and trackers (${Object.keys(ticketMappings).join(', ')} tickets start an implementation run). ${signedHeaders}`,
    tags: ['webhooks'],
    public: true,
    params: z.object({
      source: z.enum(webhookSources, { error: `expected one of ${webhookSources.join(', ')}` }),
    }),
    responses: {
      200: { description: 'session event outcome (ci, review)' },
      202: { description: 'implementation run started (trackers)' },
      401: {
        description:
          'wrong or missing signature, stale timestamp, missing delivery id (`field`: the header)',
        schema: errorBodySchema,
      },
    },
    async handle({ params, c, app }) {
      // Re-sent under its own delivery id, the idempotency below returns the first outcome.
      const { delivery, payload } = await readSignedDelivery(c, app.config.WEBHOOK_SECRET);
      if (params.source === 'ci' || params.source === 'review') {
        const event =
          params.source === 'ci'
            ? (() => {
                const p = parseBody(ciPayload, payload);
                return {
                  sessionId: p.sessionId,
                  input: { id: p.id ?? delivery, type: p.type, data: p.data },
                };
              })()
            : (() => {
                const p = parseBody(reviewPayload, payload);
                const { sessionId, id, ...data } = p;
                return { sessionId, input: { id: id ?? delivery, type: 'review-feedback', data } };
              })();
        const result = await app.sessions.ingestEvent(event.sessionId, event.input);
        return Response.json({
          event: result.event,
          session: result.session,
          outcome: result.outcome,
        });
      }
      const { ticketId, input } = mapTicket(params.source, ticketMappings[params.source]!, payload);
      // A tracker retrying its delivery must not start a second run for the same ticket.
      const idempotencyKey = ticketId
        ? `${params.source}:${ticketId}`
        : `${params.source}:delivery:${delivery}`;
      // One run per ticket: a re-delivered ticket whose text was edited since is still that ticket.
      const run = await app.runs.startImplementationRun(input, {
        idempotencyKey,
        bodyMustMatch: false,
      });
      return Response.json({ run, ticketId }, { status: 202 });
    },
  }),
];
