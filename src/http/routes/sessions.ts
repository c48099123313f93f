import { z } from 'zod';
import { parseStory } from '../../../tools/story-loader.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  createSessionSchema,
  eventInputSchema,
  type IngestResult,
  type SessionService,
} from '../../sessions/index.ts';
import { assertLearnerMaySend } from '../access-policy.ts';
import type { Principal } from '../api-keys.ts';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';
import { toAppError } from '../error-handler.ts';
import {
  type OrderedEvents,
  orderedEvents,
  sse,
  sseReplyStreams,
  wantsEventStream,
} from '../sse.ts';

const sessionParams = z.object({ id: z.string().uuid('expected a session id (UUID)') });
const learnerParams = z.object({ id: z.string().trim().min(1).max(200) });
const limitQuery = z.object({
  limit: z.coerce
    .number({ error: 'expected an integer from 1 to 1000' })
    .int()
    .min(1)
    .max(1000)
    .default(100),
});
/** A story as JSON (title, description, acceptance criteria…) or as a markdown/YAML document. */
const createBody = createSessionSchema.extend({
  story: z.union([
    z.string().min(1, 'expected a story').max(500_000),
    createSessionSchema.shape.story,
  ]),
});
/** Transitions shown with a session (the rest: GET /sessions/:id/transitions). */
const historyTail = 20;
const messageBody = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  text: z.string().trim().min(1, 'expected a message').max(20_000),
});

/** A key scoped to one learner sees only that learner's sessions: others are "not found", not "forbidden". */
function assertLearner(principal: Principal | undefined, learnerId: string, what: string): void {
  if (principal?.learnerId && principal.learnerId !== learnerId)
    throw new AppError('NOT_FOUND', `${what} not found`);
}

/**
 * The session, if the caller may see it. Another learner's session answers exactly like a session that
 * does not exist (the session service's NOT_FOUND), so a scoped key cannot probe which ids exist.
 */
async function sessionFor(sessions: SessionService, principal: Principal | undefined, id: string) {
  const session = await sessions.getSession(id);
  if (principal?.learnerId && principal.learnerId !== session.learnerId) {
    throw new AppError('NOT_FOUND', `Session '${id}' not found.`, { field: 'sessionId' });
  }
  return session;
}

/**
 * The API shape of an applied event. An event the current state does not accept never gets here:
 * `ingestEvent` stores it with its rejection and throws INVALID_TRANSITION / GUARD_REJECTED, which the
 * error handler answers with 409 and `error.allowedEvents`.
 */
/** The turn's replies as one text (the JSON answer's `reply`). */
function joined(result: IngestResult): string {
  return result.replies.map((r) => r.text).join('\n\n');
}

/** After the commit: the session, each committed reply, then `done`. */
function sendCommitted(events: OrderedEvents, result: IngestResult): void {
  const summary = turnBody(result);
  events.send('state', summary.session);
  result.replies.forEach((r, index) => events.send('reply', { index, ...r }));
  events.send('done', { reply: joined(result), ...summary });
}

function turnBody(result: IngestResult) {
  return {
    event: { id: result.event.id, type: result.event.type, duplicate: result.event.duplicate },
    session: {
      state: result.session.state,
      version: result.session.version,
      status: result.session.status,
    },
    outcome: result.outcome,
    replies: result.replies,
  };
}

export const sessionRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/sessions',
    summary: 'Open a mentoring session for a learner on a story',
    tags: ['sessions'],
    body: createBody,
    responses: {
      201: { description: 'the session and the mentor’s first replies' },
      400: { description: 'invalid field', schema: errorBodySchema },
    },
    async handle({ body, principal, app }) {
      const input = body as z.output<typeof createBody>;
      if (principal?.learnerId && principal.learnerId !== input.learnerId) {
        throw new AppError(
          'FORBIDDEN',
          `this API key is scoped to learner ${principal.learnerId}`,
          { field: 'learnerId' },
        );
      }
      const story =
        typeof input.story === 'string'
          ? (() => {
              const loaded = parseStory(input.story);
              return {
                ...loaded.story,
                ...(loaded.referenceSolution
                  ? { referenceSolution: loaded.referenceSolution }
                  : {}),
              };
            })()
          : input.story;
      const created = await app.sessions.createSession({ ...input, story });
      return Response.json({ ...created.session, replies: created.replies }, { status: 201 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/sessions/:id',
    summary: 'A session: state, allowed events, history tail and pending timers',
    tags: ['sessions'],
    params: sessionParams,
    responses: {
      200: { description: 'the session' },
      404: { description: 'no such session (or another learner’s)', schema: errorBodySchema },
    },
    async handle({ params, principal, app }) {
      const session = await sessionFor(app.sessions, principal, params.id);
      // The log is read oldest first: keep its last 20 entries, the tail.
      const [history, timers] = await Promise.all([
        app.sessions.listTransitions(params.id, historyTail),
        app.sessions.listTimers(params.id),
      ]);
      return Response.json({ ...session, history, timers });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/sessions/:id/events',
    summary:
      'Send an event (activity report, machine event, operator command); a repeated id is applied once',
    tags: ['sessions'],
    params: sessionParams,
    body: eventInputSchema,
    responses: {
      200: {
        description:
          '{ event: { id, type, duplicate }, session: { state, version }, outcome, replies }',
      },
      400: {
        description: 'unknown type or invalid data, naming the field',
        schema: errorBodySchema,
      },
      409: {
        description:
          'the current state does not accept this event; error.allowedEvents lists those it does',
        schema: errorBodySchema,
      },
    },
    async handle({ params, body, principal, app }) {
      await sessionFor(app.sessions, principal, params.id);
      assertLearnerMaySend(
        principal,
        (body as { type: string }).type,
        (body as { data?: unknown }).data,
      );
      return Response.json(turnBody(await app.sessions.ingestEvent(params.id, body)));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/sessions/:id/messages',
    summary:
      'Say something to the mentor; with `accept: text/event-stream` the reply streams as the model writes it',
    description: [
      'SSE events, in order:',
      '`accepted` `{ id, seq, duplicate }` once the message is stored;',
      '`token` `{ text, call }` while agent call `call` writes its reply (code blocks arrive whole, once guarded);',
      '`error` `{ error: { code: "STREAM_RESET" }, call }` when that call\'s text so far is void (it is tried again or rules mode answers; new tokens follow);',
      '`state` (the session after the one commit);',
      '`reply` `{ index, text, action, source, streamed? }` for each committed reply (`streamed`: the call whose tokens showed it; when the texts differ, the leak guard changed it: show this one);',
      '`done` `{ reply, replies, session, event, outcome }`.',
      'A refused message after the stream opened ends with `error` `{ error }` instead of `done`.',
      'Sending the same message id again (e.g. after a dropped connection, with `Last-Event-ID`) streams no tokens: the committed replies come as `reply` events.',
    ].join(' '),
    tags: ['sessions'],
    params: sessionParams,
    body: messageBody,
    responses: {
      200: {
        description: 'JSON `{ reply, replies, session, event }`, or the SSE events above',
      },
      400: { description: 'empty or oversized message', schema: errorBodySchema },
    },
    async handle({ params, body, principal, c, app }) {
      const session = await sessionFor(app.sessions, principal, params.id);
      const input = body as z.output<typeof messageBody>;
      const message = {
        ...(input.id ? { id: input.id } : {}),
        type: 'learner-message',
        data: { text: input.text },
      };
      if (!wantsEventStream(c) || session.status !== 'active') {
        // Not live, or not accepted now (paused, finished): answered before any stream opens, so a
        // refusal is a plain 4xx.
        const result = await app.sessions.ingestEvent(params.id, message);
        const summary = turnBody(result);
        if (!wantsEventStream(c)) return Response.json({ reply: joined(result), ...summary });
        return sse(c, async (stream) => {
          const events = orderedEvents(stream);
          sendCommitted(events, result);
          await events.flushed();
        });
      }
      return sse(c, async (stream) => {
        const events = orderedEvents(stream);
        let result: IngestResult;
        try {
          result = await app.sessions.ingestEvent(params.id, message, {
            replyStreams: sseReplyStreams(events),
            onAccepted: (accepted) => events.send('accepted', accepted),
          });
        } catch (error) {
          events.send('error', toAppError(error).toJSON());
          return events.flushed();
        }
        sendCommitted(events, result);
        await events.flushed();
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/sessions/:id/transitions',
    summary:
      'The session’s transition log (from, event, to, at), oldest first (the latest `limit`)',
    tags: ['sessions'],
    params: sessionParams,
    query: limitQuery,
    responses: { 200: { description: '{ transitions: [...] }' } },
    async handle({ params, query, principal, app }) {
      await sessionFor(app.sessions, principal, params.id);
      return Response.json({
        transitions: await app.sessions.listTransitions(params.id, query.limit),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/sessions/:id/inbox',
    summary:
      'The session’s received events with their outcomes, in arrival order (the latest `limit`)',
    tags: ['sessions'],
    params: sessionParams,
    query: limitQuery,
    responses: { 200: { description: '{ events: [...] }' } },
    async handle({ params, query, principal, app }) {
      await sessionFor(app.sessions, principal, params.id);
      return Response.json({ events: await app.sessions.listEvents(params.id, query.limit) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/learners/:id/sessions',
    summary: 'A learner’s sessions, newest first',
    tags: ['sessions'],
    params: learnerParams,
    responses: {
      200: { description: '{ sessions: [...] }' },
      404: { description: 'another learner (scoped keys)', schema: errorBodySchema },
    },
    async handle({ params, principal, app }) {
      assertLearner(principal, params.id, `learner ${params.id}`);
      return Response.json({ sessions: await app.sessions.listLearnerSessions(params.id) });
    },
  }),
];
