import { z } from 'zod';
import { defineRoute, errorBodySchema, type RouteDefinition } from '../route.ts';
import { sse, wantsEventStream } from '../sse.ts';

/*
 * Runs of user-defined workflows (issue 14): status with per-step results, the event log (JSON or
 * SSE), cancel and retry; human tasks and their answers; events that resume waiting runs or start
 * event-triggered definitions.
 */

const runParams = z.object({
  runId: z.string().regex(/^wr_[0-9a-f]{24}$/, 'expected a workflow run id (wr_…)'),
});
const taskParams = z.object({
  taskId: z.string().regex(/^wt_[0-9a-f]{24}$/, 'expected a human task id (wt_…)'),
});
const tags = ['workflow runs'];
const ended = ['completed', 'failed', 'cancelled'];

export const workflowRunRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: '/workflow-runs/:runId',
    summary:
      'A run: status, version, current steps, every step’s result (output, error class, tries, duration), compensations, human tasks',
    tags,
    operatorOnly: true,
    params: runParams,
    responses: {
      200: { description: 'the run' },
      404: { description: 'no such run', schema: errorBodySchema },
    },
    async handle({ params, app }) {
      return Response.json(await app.definitions.getRun(params.runId));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-runs/:runId/events',
    summary:
      'The run’s events (step.started, step.completed, branch.cancelled, compensation.completed, run.completed …); SSE when asked (`Accept: text/event-stream`), following until the run ends',
    tags,
    operatorOnly: true,
    params: runParams,
    query: z.object({ after: z.coerce.number().int().min(0).default(0) }),
    responses: { 200: { description: 'JSON { events } or an SSE stream (event id = seq)' } },
    async handle({ params, query, c, app }) {
      if (!wantsEventStream(c))
        return Response.json({ events: await app.definitions.events(params.runId, query.after) });
      await app.definitions.getRun(params.runId); // 404 before the stream opens
      let after = Math.max(query.after, Number(c.req.header('last-event-id') ?? 0) || 0);
      return sse(c, async (stream) => {
        let closed = false;
        stream.onAbort(() => {
          closed = true;
        });
        const flush = async () => {
          for (const event of await app.definitions.events(params.runId, after)) {
            await stream.writeSSE({
              id: String(event.seq),
              event: event.type,
              data: JSON.stringify(event),
            });
            after = event.seq;
          }
        };
        for (;;) {
          await flush();
          const { status } = await app.definitions.getRun(params.runId);
          if (closed || ended.includes(status)) {
            await flush();
            await stream.writeSSE({ event: 'end', data: JSON.stringify({ status }) });
            return;
          }
          await stream.sleep(100);
        }
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-runs/:runId/cancel',
    summary:
      'Cancel a run: its running step is stopped; compensations run when the definition says `onCancel: compensate`',
    tags,
    operatorOnly: true,
    params: runParams,
    responses: {
      202: { description: '{ id, status, cancelRequested }' },
      404: { description: 'no such run', schema: errorBodySchema },
      409: { description: 'the run has ended', schema: errorBodySchema },
    },
    async handle({ params, app }) {
      return Response.json(await app.definitions.cancel(params.runId), { status: 202 });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-runs/:runId/retry',
    summary:
      'Run a failed or cancelled run again (same version): completed steps are kept, the others and the steps a saga undid run anew',
    tags,
    operatorOnly: true,
    params: runParams,
    responses: {
      202: { description: '{ id, status, attempt }' },
      404: { description: 'no such run', schema: errorBodySchema },
      409: { description: 'the run is not failed or cancelled', schema: errorBodySchema },
    },
    async handle({ params, app }) {
      return Response.json(await app.definitions.retry(params.runId), { status: 202 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-tasks',
    summary: 'Human tasks (approvals and escalations), by status or run',
    tags,
    operatorOnly: true,
    query: z.object({
      status: z.enum(['open', 'answered', 'cancelled']).optional(),
      runId: runParams.shape.runId.optional(),
    }),
    responses: { 200: { description: '{ tasks }' } },
    async handle({ query, app }) {
      return Response.json({ tasks: await app.definitions.tasks(query) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-tasks/:taskId/answer',
    summary:
      'Answer a human task: any JSON object (it becomes the step’s output, e.g. { approved: true }); an escalation takes { action: retry | skip | fail | complete, output? }. The run resumes',
    tags,
    operatorOnly: true,
    params: taskParams,
    body: z.record(z.string(), z.unknown()),
    responses: {
      200: { description: 'the task' },
      404: { description: 'no such task', schema: errorBodySchema },
      409: { description: 'the task is not open', schema: errorBodySchema },
    },
    async handle({ params, body, app }) {
      return Response.json(await app.definitions.answerTask(params.taskId, body));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-events',
    summary:
      'Deliver an event: runs waiting for it whose match holds resume; definitions with an event trigger of that name start (`id` makes a repeat start nothing new)',
    tags,
    operatorOnly: true,
    body: z.object({
      name: z.string().min(1).max(200),
      payload: z.unknown().default({}),
      id: z.string().min(1).max(200).optional(),
    }),
    responses: { 202: { description: '{ resumed: runIds, started: runIds }' } },
    async handle({ body, app }) {
      return Response.json(await app.definitions.emitEvent(body.name, body.payload, body.id), {
        status: 202,
      });
    },
  }),
];
