/**
 * Calls an agent action through the port, checks its output against the action's schema, records
 * usage and the reply on the draft. A failing call or an output that does not match falls back to
 * the rules port, so a turn never fails because of a model.
 */
import type { z } from 'zod';
import type { AgentActionName, AgentActionResult } from '../agent-port.ts';
import { rulesAgentPort } from '../rules-agent.ts';
import { leaf, reply, type TurnDeps, type TurnDraft } from './draft.ts';

export async function callAgent<S extends z.ZodType>(
  draft: TurnDraft,
  deps: TurnDeps,
  action: string,
  name: AgentActionName,
  input: Record<string, unknown>,
  schema: S,
): Promise<z.output<S>> {
  const referenceSolution = (await deps.referenceSolution?.()) ?? undefined;
  const ctx = { sessionId: draft.session.id, learnerId: draft.session.learnerId, eventId: draft.event.id, state: leaf(draft), story: draft.story, referenceSolution };
  const started = performance.now();
  let result: AgentActionResult;
  let fallback = false;
  try {
    result = await deps.agents.run(name, input, ctx);
  } catch (error) {
    draft.notes.push(`${name}: agent failed (${(error as Error).message}); rules fallback`);
    result = await rulesAgentPort.run(name, input, ctx);
    fallback = true;
  }
  let parsed = schema.safeParse(result.output);
  if (!parsed.success) {
    draft.notes.push(`${name}: agent output did not match its schema; rules fallback`);
    result = await rulesAgentPort.run(name, input, ctx);
    fallback = true;
    parsed = schema.safeParse(result.output);
    if (!parsed.success) throw new Error(`rules port output for ${name} does not match its schema: ${parsed.error.message}`);
  }
  const usage = result.usage ?? {};
  const model = result.model ?? 'unknown';
  draft.agentCalls.push({
    action: name,
    model,
    tokensIn: usage.inputTokens ?? usage.promptTokens ?? 0,
    tokensOut: usage.outputTokens ?? usage.completionTokens ?? 0,
    latencyMs: Math.round(performance.now() - started),
    fallback: fallback || Boolean(result.fallback),
  });
  const text = result.reply ?? (parsed.data as { reply?: unknown }).reply;
  if (typeof text === 'string' && text.trim()) reply(draft, action, text, 'agent', model);
  return parsed.data;
}
