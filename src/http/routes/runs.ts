import { z } from 'zod';
import {
  approvalAnswerSchema,
  implementationInputSchema,
  phaseSchema,
  terminalStatuses,
} from '../../../workflows/implementation/schemas.ts';
import { renderDashboard, runMetrics } from '../../runs/index.ts';
import { parseBody } from '../parse-body.ts';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';
import { sse, wantsEventStream } from '../sse.ts';

/** Run ids carry a `wf_` prefix, so they can never be a workflow id of Mastra's own `/workflows/:workflowId/…` routes. */
const runIdPattern = /^wf_[0-9a-f]{24}$/;
/** Ours (`wf_…`), or the Mastra run id of a run started from Studio or Mastra's own API. */
const runParams = z.object({
  id: z.union([z.string().regex(runIdPattern), z.uuid()], {
    error: 'expected an implementation run id (wf_…, or the run id of a run started from Studio)',
  }),
});
const restartBody = z.object({ fromPhase: phaseSchema });
const eventsQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
const statusSchema = z.object({
  id: z.string(),
  status: z.string(),
  currentPhase: z.string().nullable(),
  progress: z.number(),
  estimatedCompletion: z.string().nullable(),
});

export const runRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/workflows/implementation',
    summary: 'Start the four-phase implementation workflow (plan → review → refine → implement)',
    tags: ['implementation runs'],
    operatorOnly: true,
    body: implementationInputSchema,
    responses: {
      202: {
        description:
          '{ id, status }; with an `Idempotency-Key` header seen before: the first run and `duplicate: true`',
      },
      422: {
        description: 'the `Idempotency-Key` was used before with a different body',
        schema: errorBodySchema,
      },
      400: { description: 'invalid field', schema: errorBodySchema },
    },
    async handle({ body, c, app }) {
      const idempotencyKey = c.req.header('idempotency-key');
      return Response.json(
        await app.runs.startImplementationRun(
          body,
          idempotencyKey === undefined ? {} : { idempotencyKey },
        ),
        { status: 202 },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflows/implementation/metrics',
    summary:
      'Seed 003 dashboard: active runs, average review score, success rate, refinement frequency, phase times (`?format=text` draws the box)',
    tags: ['implementation runs'],
    operatorOnly: true,
    query: z.object({ format: z.enum(['json', 'text']).default('json') }),
    responses: { 200: { description: 'the figures' } },
    async handle({ query, app }) {
      const metrics = await runMetrics(app.database.pool);
      if (query.format === 'text')
        return new Response(renderDashboard(metrics), {
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      return Response.json(metrics);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflows/:id/status',
    summary:
      'Run status as in seed 003: { id, status, currentPhase, progress, estimatedCompletion }',
    tags: ['implementation runs'],
    operatorOnly: true,
    params: runParams,
    responses: {
      200: { description: 'status', schema: statusSchema },
      404: { description: 'no such run', schema: errorBodySchema },
    },
    async handle({ params, c, app }) {
      return Response.json(await app.runs.getRunStatus(params.id));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflows/:id/details',
    summary: 'Everything about a run: approval, metrics, output, checkpoints, artifact ids',
    tags: ['implementation runs'],
    operatorOnly: true,
    params: runParams,
    responses: {
      200: { description: 'details' },
      404: { description: 'no such run', schema: errorBodySchema },
    },
    async handle({ params, c, app }) {
      return Response.json(await app.runs.getRun(params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflows/:id/approval',
    summary: 'Approve or reject a run waiting at the human approval gate',
    tags: ['implementation runs'],
    operatorOnly: true,
    params: runParams,
    body: approvalAnswerSchema,
    responses: {
      200: { description: '{ id, status }' },
      409: { description: 'the run is not waiting for approval', schema: errorBodySchema },
    },
    async handle({ params, body, c, app }) {
      return Response.json(await app.runs.answerApproval(params.id, body));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflows/:id/restart',
    summary:
      'Run again from a completed phase, re-using the stored results of the phases before it',
    tags: ['implementation runs'],
    operatorOnly: true,
    // Mastra's own `POST /workflows/:workflowId/restart` shares this path: only our run ids are handled here.
    fallsThrough: true,
    // Any id: one that is not ours goes on to Mastra's route.
    params: z.object({ id: z.string() }),
    responses: {
      202: { description: '{ id, status, attempt }' },
      404: { description: 'no such run', schema: errorBodySchema },
    },
    async handle({ c, app }) {
      const id = c.req.param('id') ?? '';
      if (!runIdPattern.test(id)) return undefined;
      const body = parseBody(
        restartBody,
        await c.req.raw
          .clone()
          .json()
          .catch(() => ({})),
      );
      return Response.json(await app.runs.restartRun(id, body), { status: 202 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflows/:id/events',
    summary:
      'The run’s phase event log (`phase.completed { phase, score?, nextPhase }` …); SSE when asked, following until the run ends',
    tags: ['implementation runs'],
    operatorOnly: true,
    params: runParams,
    query: eventsQuery,
    responses: {
      200: {
        description: 'JSON { events } or an SSE stream (event id = seq; Last-Event-ID resumes)',
      },
    },
    async handle({ params, query, c, app }) {
      if (!wantsEventStream(c))
        return Response.json({
          events: await app.runs.listRunEvents(params.id, { after: query.after }),
        });
      let after = Math.max(query.after, Number(c.req.header('last-event-id') ?? 0) || 0);
      await app.runs.getRunStatus(params.id); // 404 before opening the stream
      return sse(c, async (stream) => {
        let closed = false;
        stream.onAbort(() => {
          closed = true;
        });
        for (;;) {
          for (const event of await app.runs.listRunEvents(params.id, { after })) {
            await stream.writeSSE({
              id: String(event.seq),
              event: event.type,
              data: JSON.stringify(event),
            });
            after = event.seq;
          }
          const { status } = await app.runs.getRunStatus(params.id);
          if (closed || (terminalStatuses as readonly string[]).includes(status)) {
            // Events committed between the read and the status check.
            for (const event of await app.runs.listRunEvents(params.id, { after })) {
              await stream.writeSSE({
                id: String(event.seq),
                event: event.type,
                data: JSON.stringify(event),
              });
            }
            await stream.writeSSE({ event: 'end', data: JSON.stringify({ status }) });
            return;
          }
          await stream.sleep(200);
        }
      });
    },
  }),
];
