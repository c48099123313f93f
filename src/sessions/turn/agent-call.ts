/**
 * Calls an agent action through the port, checks its output against the action's schema, records
 * usage and the reply on the draft. Model failures never reach here: the model layer retries, opens
 * its breaker and lets the rules model answer (recorded as `fallback`). What does reach here is a
 * broken port, and the turn fails (and is retried) rather than inventing an answer.
 */
import type { z } from 'zod';
import { earlierRepliesText } from '../../../agents/leak-history.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AgentActionName, AgentActionResult } from '../agent-port.ts';
import { adaptiveLearner } from '../adaptive/outcomes.ts';
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
  // Pieces over several turns add up: the agent judges its output (what it stores in its thread,
  // what it streams) with the session's last replies, as the reply guard does after it.
  const earlierReplies = referenceSolution
    ? earlierRepliesText((await deps.recentReplies?.()) ?? [], referenceSolution)
    : '';
  const ctx = {
    sessionId: draft.session.id,
    learnerId: draft.session.learnerId,
    eventId: draft.event.id,
    state: leaf(draft),
    story: draft.story,
    referenceSolution,
    ...(earlierReplies ? { earlierReplies } : {}),
    ...adaptiveLearner(draft),
    ...(deps.tracing?.current ? { tracingContext: deps.tracing.current } : {}),
  };
  const live = deps.replyStreams?.open();
  let streamed = false;
  const replyStream = live && {
    text(delta: string) {
      streamed = true;
      live.stream.text(delta);
    },
    reset(reason: string) {
      streamed = false;
      live.stream.reset(reason);
    },
  };
  const started = performance.now();
  const result: AgentActionResult = await deps.agents.run(
    name,
    input,
    replyStream ? { ...ctx, replyStream } : ctx,
  );
  const parsed = schema.safeParse(result.output);
  if (!parsed.success) {
    throw new AppError(
      'INTERNAL',
      `agent action ${name} answered outside its schema: ${parsed.error.message}`,
    );
  }
  const usage = result.usage ?? {};
  const model = result.model ?? 'unknown';
  draft.agentCalls.push({
    action: name,
    model,
    tokensIn: usage.inputTokens ?? usage.promptTokens ?? 0,
    tokensOut: usage.outputTokens ?? usage.completionTokens ?? 0,
    latencyMs: Math.round(performance.now() - started),
    fallback: Boolean(result.fallback),
  });
  const text = result.reply ?? (parsed.data as { reply?: unknown }).reply;
  if (typeof text === 'string' && text.trim())
    reply(draft, action, text, 'agent', model, streamed ? live?.call : undefined);
  return parsed.data;
}
