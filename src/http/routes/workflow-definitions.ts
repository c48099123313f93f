import type { Context } from 'hono';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { invalidDefinition } from '../../definitions/index.ts';
import { definitionIdSchema } from '../../definitions/schema.ts';
import { AppError } from '../../errors/app-error.ts';
import { defineRoute, errorBodySchema, type AppEnv, type RouteDefinition } from '../route.ts';
import { deliveryHeader, signatureHeader, timestampHeader } from '../webhook-signature.ts';
import { readSignedDelivery } from '../webhooks/signed-delivery.ts';

/*
 * User-defined workflow definitions (issue 14): create, validate, list, get, version, deprecate,
 * start runs, analytics, and the signed webhook trigger. Definitions are JSON, or YAML sent with
 * `Content-Type: application/yaml`; a definition with problems is refused with 400 naming the path
 * of every problem (`details.problems`), and nothing is stored.
 */

const idParams = z.object({ id: definitionIdSchema });
const problemsDescription =
  'the definition has problems: `field` is the first one’s path, `problems` lists every { path, message }';

/** A definition body: JSON, or YAML with `Content-Type: application/yaml` (or text/yaml). */
async function definitionBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.raw.clone().text();
  if (text.trim() === '')
    throw new AppError('VALIDATION_ERROR', 'body: expected a workflow definition', {
      field: 'body',
    });
  const type = c.req.header('content-type') ?? '';
  if (/yaml/.test(type)) {
    try {
      return parseYaml(text, { maxAliasCount: 50 });
    } catch (cause) {
      throw new AppError(
        'VALIDATION_ERROR',
        `body: not valid YAML (${(cause as Error).message.split('\n')[0]})`,
        { field: 'body', cause },
      );
    }
  }
  if (!type.includes('json'))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'body: expected Content-Type: application/json or application/yaml',
      { field: 'body' },
    );
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('INVALID_JSON', `body: not valid JSON (${(cause as Error).message})`, {
      field: 'body',
      cause,
    });
  }
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.raw.clone().text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AppError('INVALID_JSON', `body: not valid JSON (${(cause as Error).message})`, {
      field: 'body',
      cause,
    });
  }
}

const tags = ['workflow definitions'];

export const workflowDefinitionRoutes: RouteDefinition<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions',
    summary:
      'Store a new workflow definition (JSON, or YAML with Content-Type: application/yaml) as version 1; it is compiled to a Mastra workflow `udw-<id>-v1` that Studio lists',
    tags,
    operatorOnly: true,
    responses: {
      201: { description: '{ id, name, status, latestVersion, workflowId, … }' },
      400: { description: problemsDescription, schema: errorBodySchema },
      409: { description: 'a definition with this id exists', schema: errorBodySchema },
    },
    async handle({ c, app }) {
      return Response.json(await app.definitions.create(await definitionBody(c)), { status: 201 });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions/validate',
    summary: 'Validate a definition without storing anything',
    tags,
    operatorOnly: true,
    responses: {
      200: { description: '{ valid: true, definition } (the definition with its defaults)' },
      400: { description: problemsDescription, schema: errorBodySchema },
    },
    async handle({ c, app }) {
      const result = await app.definitions.validate(await definitionBody(c));
      if (!result.ok) throw invalidDefinition(result.problems);
      return Response.json({ valid: true, definition: result.definition });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-definitions',
    summary: 'Every workflow definition',
    tags,
    operatorOnly: true,
    responses: { 200: { description: '{ definitions }' } },
    async handle({ app }) {
      return Response.json({ definitions: await app.definitions.list() });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-definitions/:id',
    summary: 'A definition: its latest (or `?version=`) spec and its versions',
    tags,
    operatorOnly: true,
    params: idParams,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    responses: {
      200: { description: 'the definition' },
      404: { description: 'no such definition or version', schema: errorBodySchema },
    },
    async handle({ params, query, app }) {
      return Response.json(await app.definitions.get(params.id, query.version));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions/:id/versions',
    summary: 'Store the next version (runs already started keep the version they started with)',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: {
      201: { description: 'the definition with its new latestVersion' },
      400: { description: problemsDescription, schema: errorBodySchema },
      404: { description: 'no such definition', schema: errorBodySchema },
    },
    async handle({ params, c, app }) {
      return Response.json(await app.definitions.addVersion(params.id, await definitionBody(c)), {
        status: 201,
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions/:id/deprecate',
    summary:
      'Deprecate a definition: it starts no new runs and its schedules stop; running runs go on',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: {
      200: { description: 'the definition' },
      404: { description: 'no such definition', schema: errorBodySchema },
    },
    async handle({ params, app }) {
      return Response.json(await app.definitions.deprecate(params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions/:id/runs',
    summary:
      'Start a run of the latest version; the JSON body is the run’s `input` (`Idempotency-Key` header: a repeat returns the first run)',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: {
      202: { description: '{ id, status, version, duplicate? }' },
      404: { description: 'no such definition', schema: errorBodySchema },
      409: { description: 'the definition is deprecated', schema: errorBodySchema },
    },
    async handle({ params, c, app }) {
      const input = await jsonBody(c);
      if (!input || typeof input !== 'object' || Array.isArray(input))
        throw new AppError('VALIDATION_ERROR', 'body: expected a JSON object (the run input)', {
          field: 'body',
        });
      const key = c.req.header('idempotency-key');
      return Response.json(await app.definitions.startRun(params.id, input, key), { status: 202 });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-definitions/:id/runs',
    summary: 'A definition’s runs, newest first',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: { 200: { description: '{ runs }' } },
    async handle({ params, app }) {
      return Response.json({ runs: await app.definitions.runs(params.id) });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workflow-definitions/:id/analytics',
    summary:
      'Per step duration percentiles, success and error rates by class, bottlenecks, trend per day, and recommendations (parallelizable, slow, flaky steps)',
    tags,
    operatorOnly: true,
    params: idParams,
    responses: {
      200: { description: 'the analytics' },
      404: { description: 'no such definition', schema: errorBodySchema },
    },
    async handle({ params, app }) {
      return Response.json(await app.definitions.analytics(params.id));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/workflow-definitions/:id/webhook',
    summary: `Signed delivery (the headers of POST /api/webhooks/:source: ${timestampHeader}, ${deliveryHeader}, ${signatureHeader}) starting a run when the definition's webhook trigger condition holds for the JSON payload; a repeated delivery id starts nothing new`,
    tags,
    public: true,
    params: idParams,
    responses: {
      202: { description: '{ started: true, runId, duplicate? }' },
      200: { description: '{ started: false, reason }: the condition does not hold' },
      401: { description: 'wrong or missing signature', schema: errorBodySchema },
      409: { description: 'the definition has no webhook trigger', schema: errorBodySchema },
    },
    async handle({ params, c, app }) {
      const { delivery, payload } = await readSignedDelivery(c, app.config.WEBHOOK_SECRET);
      const outcome = await app.definitions.webhook(params.id, payload, delivery);
      return Response.json(outcome, { status: outcome.started ? 202 : 200 });
    },
  }),
];
