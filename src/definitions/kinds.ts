import type { Mastra } from '@mastra/core/mastra';
import { z } from 'zod';
import { renderMapping, renderString } from './expression/template.ts';
import type { Scope } from './expression/evaluate.ts';
import { agentNamed, definitionTools } from './registry.ts';
import type { LeafStep } from './schema.ts';
import { classOfStatus, StepError } from './step-error.ts';

/** What the unattended step kinds need from the app. */
export interface KindDeps {
  mastra: Mastra;
  /** Run another definition as a child run and wait for its output (sub-workflow steps). */
  runChild(
    definitionId: string,
    input: unknown,
    key: string,
    signal: AbortSignal,
  ): Promise<unknown>;
}

/**
 * The idempotency key a step's calls carry (HTTP `Idempotency-Key`, a sub-workflow's child run):
 * the same for every try and for a process taking the run over, new for each attempt of the run, so
 * that a step redone by a retry (and a second saga's compensation) is not taken for a duplicate.
 */
export function idempotencyKeyOf(
  run: { id: string; attempt: number },
  stepId: string,
  compensation = false,
): string {
  return `${run.id}:${run.attempt}:${compensation ? 'compensate:' : ''}${stepId}`;
}

/** The breaker a step's calls go through: one per HTTP origin, one per agent. */
export function breakerKeyOf(step: LeafStep, scope: Scope): string | undefined {
  if (step.kind === 'agent') return `agent:${step.agent}`;
  if (step.kind === 'http') {
    try {
      return `http:${new URL(String(renderString(step.url, scope))).origin}`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function callHttp(
  step: Extract<LeafStep, { kind: 'http' }>,
  scope: Scope,
  signal: AbortSignal,
  idempotencyKey: string,
) {
  const url = String(renderString(step.url, scope));
  if (!/^https?:\/\//.test(url)) throw new StepError('permanent', `url "${url}" is not http(s)`);
  const headers: Record<string, string> = { 'idempotency-key': idempotencyKey };
  for (const [name, value] of Object.entries(step.headers ?? {}))
    headers[name.toLowerCase()] = String(renderString(value, scope) ?? '');
  let body: string | undefined;
  if (step.body !== undefined && step.method !== 'GET') {
    body = JSON.stringify(renderMapping(step.body, scope));
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: step.method, headers, body, signal });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the text is the body.
  }
  const ok = step.expectStatus
    ? step.expectStatus.includes(response.status)
    : response.status >= 200 && response.status < 300;
  if (!ok)
    throw new StepError(
      classOfStatus(response.status),
      `${step.method} ${new URL(url).origin}${new URL(url).pathname} answered ${response.status}`,
    );
  return { status: response.status, body: parsed };
}

/**
 * Do one try of an unattended step (agent, tool, HTTP call, set, sub-workflow) and return its
 * output. Human and event steps wait instead; the compiler handles them.
 */
export async function runLeaf(
  step: LeafStep,
  scope: Scope,
  signal: AbortSignal,
  deps: KindDeps,
  idempotencyKey: string,
): Promise<unknown> {
  switch (step.kind) {
    case 'set':
      return renderMapping(step.output, scope);
    case 'http':
      return callHttp(step, scope, signal, idempotencyKey);
    case 'tool': {
      const tool = definitionTools[step.tool];
      if (!tool?.execute) throw new StepError('permanent', `unknown tool "${step.tool}"`);
      const result = await tool.execute(
        renderMapping(step.input ?? {}, scope) as never,
        {
          mastra: deps.mastra,
          abortSignal: signal,
        } as never,
      );
      if (result && typeof result === 'object' && 'error' in result && result.error === true)
        throw new StepError(
          'business',
          String((result as { message?: string }).message ?? 'tool refused its input'),
        );
      return result;
    }
    case 'agent': {
      const agent = agentNamed(deps.mastra, step.agent);
      if (!agent) throw new StepError('permanent', `unknown agent "${step.agent}"`);
      const prompt = String(renderString(step.prompt, scope) ?? '');
      if (!step.output) {
        const result = await agent.generate(prompt, { abortSignal: signal });
        return { text: result.text };
      }
      const schema = z.fromJSONSchema(step.output as never);
      const result = await agent.generate(prompt, {
        abortSignal: signal,
        structuredOutput: { schema },
      });
      return result.object;
    }
    case 'workflow':
      return deps.runChild(
        step.workflow,
        renderMapping(step.input ?? {}, scope),
        idempotencyKey,
        signal,
      );
    default:
      throw new StepError('system', `step kind "${step.kind}" does not run unattended`);
  }
}
