import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';

/**
 * The escalations inbox, notification delivery state and mentors (issue 12), for the operator
 * console and scripts. Operator keys only.
 */
const idParams = z.object({
  id: z.coerce
    .number({ error: 'expected an escalation id (a positive integer)' })
    .int('expected an escalation id (a positive integer)')
    .positive('expected an escalation id (a positive integer)')
    .max(Number.MAX_SAFE_INTEGER, 'expected an escalation id (a positive integer)'),
});
const name = z
  .string()
  .trim()
  .min(1, 'expected a name')
  .max(200, 'expected at most 200 characters');
const limit = z.coerce
  .number({ error: 'expected an integer from 1 to 1000' })
  .int('expected an integer from 1 to 1000')
  .min(1, 'expected an integer from 1 to 1000')
  .max(1000, 'expected an integer from 1 to 1000')
  .default(100);
const listQuery = z.object({
  status: z
    .enum(['open', 'acknowledged', 'resolved'], {
      error: 'expected open, acknowledged or resolved',
    })
    .optional(),
  sessionId: z.string().uuid('expected a session id (UUID)').optional(),
  learnerId: name.optional(),
  limit,
});
const notificationsQuery = z.object({
  source: z.enum(['session', 'run'], { error: 'expected session or run' }).optional(),
  kind: name.optional(),
  sessionId: z.string().uuid('expected a session id (UUID)').optional(),
  runId: name.optional(),
  limit,
});
const byBody = z.object({ by: name });
const resolveBody = z.object({
  by: name,
  note: z.string().trim().max(5_000, 'expected at most 5000 characters').optional(),
});
const assignBody = z.object({ mentorId: name });
const replyBody = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'expected the message')
    .max(20_000, 'expected at most 20000 characters'),
  by: name,
});
const mentorBody = z.object({
  name: z.string().trim().max(200).nullable().optional(),
  email: z.email({ error: 'expected an e-mail address' }).max(320).nullable().optional(),
  webhookUrl: z
    .string()
    .trim()
    .regex(/^(slack\+)?https?:\/\/\S+$/, 'expected an http(s) URL (slack+https://… for Slack)')
    .max(2_000)
    .nullable()
    .optional(),
  available: z.boolean({ error: 'expected true or false' }).optional(),
  // Normalised through Date, so that a calendar-impossible day is refused here, not by PostgreSQL.
  awayUntil: z.iso
    .datetime({ offset: true, error: 'expected an ISO 8601 time' })
    .refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO 8601 time')
    .transform((v) => new Date(v).toISOString())
    .nullable()
    .optional(),
});
const learnerParams = z.object({ id: name });
const mentorParams = z.object({ id: name });
const assignmentBody = z
  .object({
    mentorId: name.nullable().optional(),
    mentorIds: z.array(name).max(20, 'expected at most 20 mentors').optional(),
  })
  .refine((b) => b.mentorId !== undefined || b.mentorIds !== undefined, {
    message: 'expected mentorId or mentorIds',
    path: ['mentorId'],
  });

/** A delivery as the API shows it (also `POST /api/deliveries/:id/retry`'s answer). */
export const deliverySchema = z.object({
  id: z.number(),
  channel: z.enum(['webhook', 'slack', 'email']),
  target: z.string(),
  level: z.number(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  deadAt: z.string().nullable(),
});
const escalationSchema = z.object({
  id: z.number(),
  sessionId: z.string(),
  learnerId: z.string(),
  kind: z.string(),
  reason: z.string().nullable(),
  level: z.number(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  assignedTo: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  deliveries: z.array(deliverySchema),
});

const notFound = { description: 'no such escalation', schema: errorBodySchema };
const resolved = { description: 'the escalation is resolved', schema: errorBodySchema };
const tags = ['escalations'];

export const escalationRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: '/escalations',
    summary: 'Escalations newest first, with their deliveries (filter by status, session, learner)',
    tags,
    operatorOnly: true,
    query: listQuery,
    responses: {
      200: {
        description: '{ escalations }',
        schema: z.object({ escalations: z.array(escalationSchema) }),
      },
    },
    async handle({ query, app }) {
      return Response.json({ escalations: await app.notify.listEscalations(query) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/escalations/:id',
    summary: 'One escalation with its deliveries',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: { 200: { description: 'the escalation', schema: escalationSchema }, 404: notFound },
    async handle({ params, app }) {
      return Response.json(await app.notify.getEscalation(params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/escalations/:id/acknowledge',
    summary: 'Acknowledge: a human has it (stops re-escalation)',
    tags,
    operatorOnly: true,
    params: idParams,
    body: byBody,
    responses: {
      200: { description: 'the escalation', schema: escalationSchema },
      404: notFound,
      409: resolved,
    },
    async handle({ params, body, app }) {
      return Response.json(await app.notify.acknowledge(params.id, body.by));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/escalations/:id/assign',
    summary: 'Assign a mentor (who is told through their channels)',
    tags,
    operatorOnly: true,
    params: idParams,
    body: assignBody,
    responses: {
      200: { description: 'the escalation', schema: escalationSchema },
      404: { description: 'no such escalation or mentor', schema: errorBodySchema },
      409: resolved,
    },
    async handle({ params, body, app }) {
      return Response.json(await app.notify.assign(params.id, body.mentorId));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/escalations/:id/resolve',
    summary: 'Resolve, with an optional note',
    tags,
    operatorOnly: true,
    params: idParams,
    body: resolveBody,
    responses: {
      200: { description: 'the escalation', schema: escalationSchema },
      404: notFound,
      409: resolved,
    },
    async handle({ params, body, app }) {
      return Response.json(await app.notify.resolve(params.id, body.by, body.note));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/escalations/:id/reply',
    summary:
      'Reply as the mentor: a `mentor-message` event in the session (the learner sees it in chat); a repeated `Idempotency-Key` is applied once',
    tags,
    operatorOnly: true,
    params: idParams,
    body: replyBody,
    responses: {
      202: {
        description: '{ eventId, duplicate }',
        schema: z.object({ eventId: z.string(), duplicate: z.boolean() }),
      },
      404: notFound,
      409: { description: 'the escalation is resolved, or the key was used for another reply' },
    },
    async handle({ params, body, c, app }) {
      const key = c.req.header('idempotency-key');
      if (key !== undefined && (key.trim() === '' || key.length > 150))
        throw new AppError('VALIDATION_ERROR', 'idempotency-key: expected 1 to 150 characters', {
          field: 'idempotency-key',
        });
      const result = await app.notify.reply(params.id, body, key?.trim());
      return Response.json(result, { status: 202 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/notifications',
    summary:
      'Notifications of sessions (to mentors and humans) and of implementation runs (approvals), with their delivery state',
    tags,
    operatorOnly: true,
    query: notificationsQuery,
    responses: { 200: { description: '{ notifications }' } },
    async handle({ query, app }) {
      return Response.json({ notifications: await app.notify.listNotifications(query) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/mentors',
    summary: 'Mentors: contact channels, availability, assigned learners',
    tags,
    operatorOnly: true,
    responses: { 200: { description: '{ mentors }' } },
    async handle({ app }) {
      return Response.json({ mentors: await app.notify.listMentors() });
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/mentors/:id',
    summary: 'Create or update a mentor (fields left out keep their value)',
    tags,
    operatorOnly: true,
    params: mentorParams,
    body: mentorBody,
    responses: { 200: { description: 'the mentor' } },
    async handle({ params, body, app }) {
      return Response.json(await app.notify.putMentor(params.id, body));
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/learners/:id/mentor',
    summary: "Set a learner's mentor(s): `{ mentorId }` (null: none) or `{ mentorIds }`",
    tags,
    operatorOnly: true,
    params: learnerParams,
    body: assignmentBody,
    responses: {
      200: { description: '{ learnerId, mentorIds }' },
      404: { description: 'no such mentor', schema: errorBodySchema },
    },
    async handle({ params, body, app }) {
      const ids = body.mentorIds ?? (body.mentorId ? [body.mentorId] : []);
      const mentorIds = await app.notify.assignLearnerMentors(params.id, [...new Set(ids)]);
      return Response.json({ learnerId: params.id, mentorIds });
    },
  }),
];
