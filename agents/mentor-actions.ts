import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { Agent } from '@mastra/core/agent';
import type { Mastra } from '@mastra/core/mastra';
import type { MastraMemory } from '@mastra/core/memory';
import type { TracingContext } from '@mastra/core/observability';
import { RequestContext } from '@mastra/core/request-context';
import type { z } from 'zod';
import { AppError } from '../src/errors/app-error.ts';
import { parseOrThrow } from '../src/errors/zod-error.ts';
import { formatModelContext, formatModelInput } from '../src/models/model-input.ts';
import { fallbackOf, type FallbackReason } from '../src/models/resilient-model.ts';
import { resolveModel, type ResolveModelOptions } from '../src/models/resolve-model.ts';
import { rules } from '../src/models/rules/provider.ts';
import {
  actionSpecs,
  type ActionSpec,
  type MentorActionInput,
  type MentorActionName,
  type MentorActionOutput,
} from './actions.ts';
import { modelContextKeys, takesModelFromContext } from './create-mentor-agent.ts';
import { agents, agentSpecs } from './index.ts';
import { guardOutput, type LeakGuardAction, type LeakGuardOptions } from './leak-guard.ts';
import { threadEarlierReplies } from './leak-history.ts';
import { leakGuardContextKey } from './leak-guard-processor.ts';
import { mergeProfiles, recordHelpRequest, sameProfile } from './learner-profile.ts';
import { forwardReply } from './reply-stream-guard.ts';
import { restoreChoices } from './restore-choices.ts';
import { callRulesModel, type CallResult } from './rules-call.ts';
import {
  ensureLearnerThread,
  forgetSince,
  readLearnerProfile,
  saveExchange,
  writeLearnerProfile,
} from './memory.ts';
import type {
  learnerProfileSchema,
  LearnerProfile,
  Story,
} from '../src/domain/contracts/learner.ts';

export { mergeProfiles, recordHelpRequest } from './learner-profile.ts';
export {
  actionSpecs,
  learnerActionNames,
  type MentorActionInput,
  type MentorActionName,
  type MentorActionOutput,
} from './actions.ts';

export interface MentorActionContext {
  /** The learner's profile as the session knows it; merged with the profile kept in memory. */
  learner?: z.input<typeof learnerProfileSchema>;
  /** The story's learner view. */
  story?: Story;
  /** Kept from the learner: only the leak guard reads it. */
  referenceSolution?: string;
  /** Conversation thread (one per session); with `resourceId`, turns are remembered. */
  threadId?: string;
  /** The learner id: owner of the thread and of the working-memory profile. */
  resourceId?: string;
  /** A Mastra instance whose registered agents (and storage) to use; default the module's agents. */
  mastra?: Mastra;
  /** Model for this call: a model instance, or `provider/model-id` resolved with `modelOptions`. */
  model?: LanguageModelV4 | string;
  modelOptions?: ResolveModelOptions;
  /** Leak guard tuning (the reference solution comes from `referenceSolution`). */
  leakGuard?: Omit<LeakGuardOptions, 'referenceSolution'>;
  abortSignal?: AbortSignal;
  /**
   * Where the learner-facing reply streams while the model writes it. Set, the call streams
   * (`agent.stream`) and sends the `reply` field's text as it grows, each code block held until its
   * fence closes and guarded (`releaseGuarded`); the returned reply is still the whole, guarded one.
   */
  replyStream?: ReplyStream;
  /** The caller's trace (a workflow step): the agent's spans become its children in Studio. */
  tracingContext?: TracingContext;
}

/** A live reply: text as the model writes it, and a reset when what was sent no longer stands. */
export interface ReplyStream {
  /** More of the reply. */
  text(delta: string): void;
  /** The text sent so far is void: the call failed and is tried again, or rules mode answers. */
  reset(reason: string): void;
}

/** Tokens and latency of one action, for the turn record. */
export interface AgentUsage {
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
}

export interface MentorActionFallback {
  /** The configured model that failed, `provider/model-id`. */
  from: string;
  reason: FallbackReason | 'invalidStructuredOutput' | 'modelError';
  detail?: string;
}

export interface MentorActionResult<N extends MentorActionName> {
  action: N;
  /** Agent id (kebab-case). */
  agentId: string;
  /** Learner-facing text after the leak guard (undefined for non-learner-facing actions). */
  reply?: string;
  /** The agent's structured output, learner-facing strings already guarded. */
  output: MentorActionOutput<N>;
  /** Story-machine event the output stands for (e.g. `technicalError`, `goodPlan`), when there is one. */
  event?: string;
  usage: AgentUsage;
  /** Model that produced the answer, `provider/model-id` (e.g. `rules/blocker-diagnosis` after a fallback). */
  model: string;
  mode: 'rules' | 'remote';
  /** Set when the configured model failed and rules mode answered. */
  fallback?: MentorActionFallback;
  /** What the leak guard did. */
  guard: { action: LeakGuardAction; reasons: string[] };
  /** The learner profile after this action (help requests counted), as stored in working memory. */
  learner: LearnerProfile;
}

const schemaFailure = 'STRUCTURED_OUTPUT_SCHEMA_VALIDATION_FAILED';

/**
 * Run one mentoring action: validate the input, merge the learner profile (context + working
 * memory), call the action's agent with structured output on the session thread, fall back to
 * rules mode when the configured model fails or answers malformed JSON twice, pass every
 * learner-facing string through the leak guard, update the learner profile, and report usage.
 * Throws VALIDATION_ERROR for bad input, FORBIDDEN for another learner's thread, MODEL_ERROR when
 * even rules mode fails.
 */
export async function runAgentAction<N extends MentorActionName>(
  name: N,
  input: MentorActionInput<N>,
  context: MentorActionContext = {},
): Promise<MentorActionResult<N>> {
  const started = performance.now();
  const action = actionSpecs[name] as unknown as ActionSpec;
  if (!action)
    throw new AppError('VALIDATION_ERROR', `Unknown agent action "${String(name)}"`, {
      field: 'action',
    });
  const agent = pickAgent(action, context.mastra);
  const agentId = agentSpecs[action.agent].id;

  const thread =
    context.threadId && context.resourceId
      ? { threadId: context.threadId, resourceId: context.resourceId }
      : undefined;
  const memory = thread && action.learnerFacing ? await memoryOf(agent) : undefined;
  if (memory && thread) await ensureLearnerThread(memory, thread);
  const stored =
    memory && thread ? await readLearnerProfile(memory, thread, { ownerChecked: true }) : undefined;
  const learner = mergeProfiles(stored, context.learner, context.resourceId);

  const parsed = parseOrThrow(
    action.input,
    {
      ...input,
      learner,
      ...(context.story && !('story' in (input as object)) ? { story: context.story } : {}),
    },
    'input',
  ) as Record<string, unknown>;
  // The story and the learner go in the system message: the thread keeps only what changes.
  const { story: storyInput, learner: learnerInput, ...own } = parsed;
  const system =
    storyInput || learnerInput
      ? formatModelContext({
          ...(storyInput ? { story: storyInput } : {}),
          ...(learnerInput ? { learner: learnerInput } : {}),
        })
      : undefined;
  const prompt = formatModelInput(action.task, own);

  const configured = configuredModel(agentId, context);
  // The learner's own input (a question, their code): a reply may quote it back (leak-guard.ts).
  // Pieces over several turns add up: the session's earlier replies and those on the thread.
  const earlier = await threadEarlierReplies(memory, thread, context);
  const guardOptions = {
    learnerText: stringsOf(own).join('\n'),
    ...context.leakGuard,
    referenceSolution: context.referenceSolution,
    ...(earlier ? { earlierReplies: earlier } : {}),
  };
  const live = action.learnerFacing ? context.replyStream : undefined;
  let sent = false;
  // Rules mode answers in microseconds; Mastra's agent loop around it costs ~20 ms of CPU and ~15
  // queries per call. Nobody is tracing and nothing streams: call the rules model directly and keep
  // the exchange on the thread ourselves (below, once guarded). Traced or streamed calls keep the loop.
  let direct: { prompt: string } | undefined;
  const callsStarted = new Date();
  let attempts = 0;
  const call = async (model: LanguageModelV4): Promise<CallResult> => {
    // A retry or the rules fallback answers again: what the failed attempt left on the thread goes.
    if (attempts++ > 0 && memory && thread) await forgetSince(memory, thread, callsStarted);
    if (model.provider === 'rules' && takesModelFromContext(agent) && !live && !tracing(context)) {
      direct = { prompt };
      return callRulesModel(model, { system, prompt }, action);
    }
    direct = undefined;
    if (live && sent) {
      live.reset('the model call is tried again');
      sent = false;
    }
    const requestContext = new RequestContext();
    requestContext.set(modelContextKeys.model, model);
    requestContext.set(leakGuardContextKey, {
      ...guardOptions,
      structured: true,
    } satisfies LeakGuardOptions & { structured: boolean });
    const options = {
      structuredOutput: { schema: action.output },
      ...(system ? { system } : {}),
      requestContext,
      ...(memory && thread
        ? { memory: { thread: thread.threadId, resource: thread.resourceId } }
        : {}),
      ...(context.abortSignal ? { abortSignal: context.abortSignal } : {}),
      ...(context.tracingContext ? { tracingContext: context.tracingContext } : {}),
    };
    if (!live) return agent.generate(prompt, options);
    const stream = await agent.stream(prompt, options);
    await forwardReply(stream.objectStream as ReadableStream<unknown>, guardOptions, {
      send: (text) => {
        sent = true;
        live.text(text);
      },
      withhold: (reason) => {
        live.reset(reason);
        sent = false;
      },
    });
    return {
      object: await stream.object,
      usage: await stream.usage,
      providerMetadata: await stream.providerMetadata,
    };
  };

  let result: CallResult;
  let fallback: MentorActionFallback | undefined;
  let answeredBy = configured;
  try {
    result = await callWithStructuredRetry(call, configured.model);
  } catch (error) {
    if (context.abortSignal?.aborted || configured.mode === 'rules')
      throw modelError(error, configured.id);
    // The configured model failed in a way its wrapper could not absorb: rules mode answers.
    const invalid = (error as { id?: string }).id === schemaFailure;
    fallback = {
      from: configured.id,
      reason: invalid ? 'invalidStructuredOutput' : 'modelError',
      detail: firstLine(error),
    };
    answeredBy = { model: rules(agentId), id: `rules/${agentId}`, mode: 'rules' };
    try {
      result = await call(answeredBy.model);
    } catch (rulesError) {
      throw modelError(rulesError, answeredBy.id);
    }
  }

  const recorded = fallbackOf(result.providerMetadata);
  if (recorded && !fallback) {
    fallback = { from: recorded.from, reason: recorded.reason, detail: recorded.detail };
    answeredBy = { model: answeredBy.model, id: recorded.to, mode: 'rules' };
  }

  const object = parseOrThrow(action.output, result.object, 'output');
  const guarded = action.learnerFacing
    ? guardOutput(object, guardOptions)
    : { output: object, action: 'pass' as const, reasons: [] };
  // Only a guarded answer can have lost a choice field: an untouched one is not parsed again.
  const output = (
    guarded.action === 'pass'
      ? guarded.output
      : restoreChoices(guarded.output, object, action.output)
  ) as MentorActionOutput<N>;

  let profile = learner;
  if (action.helpRequest) {
    const topic = action.topic?.(object);
    profile = recordHelpRequest(learner, topic);
  }
  if (memory && thread && direct)
    await saveExchange(memory, thread, { prompt: direct.prompt, answer: JSON.stringify(output) });
  // The profile is one row per learner, shared by their sessions: written only when this call changed it.
  if (memory && thread && !sameProfile(profile, stored))
    await writeLearnerProfile(memory, thread, profile, { ownerChecked: true });

  const reply =
    action.learnerFacing && typeof (output as { reply?: unknown }).reply === 'string'
      ? (output as { reply: string }).reply
      : undefined;
  return {
    action: name,
    agentId,
    ...(reply !== undefined ? { reply } : {}),
    output,
    ...(action.event ? { event: action.event(object) } : {}),
    usage: {
      inputTokens: result.usage?.inputTokens ?? 0,
      outputTokens: result.usage?.outputTokens ?? 0,
      latencyMs: Math.round(performance.now() - started),
    },
    model: answeredBy.id,
    mode: answeredBy.mode,
    ...(fallback ? { fallback } : {}),
    guard: { action: guarded.action, reasons: guarded.reasons },
    learner: profile,
  };
}

/**
 * Whether `runAgentAction(name)` would call a model (`remote`) or answer in rules mode, as the
 * environment (or `context`) configures the action's agent now.
 */
export function actionMode(
  name: MentorActionName,
  context: Pick<MentorActionContext, 'model' | 'modelOptions'> = {},
): 'rules' | 'remote' {
  return configuredModel(agentSpecs[actionSpecs[name].agent].id, context).mode;
}

/** What the rest of `runAgentAction` reads of a model call, generated or streamed. */
/** Whether `context`'s call would be traced: a sampled span to join, or tracing configured. */
function tracing(context: MentorActionContext): boolean {
  if (context.tracingContext?.currentSpan?.isValid) return true;
  return Boolean(context.mastra?.observability.getSelectedInstance({}));
}

/** Malformed structured output gets one more try on the same model before the caller falls back. */
async function callWithStructuredRetry<T>(
  call: (model: LanguageModelV4) => Promise<T>,
  model: LanguageModelV4,
): Promise<T> {
  try {
    return await call(model);
  } catch (error) {
    if ((error as { id?: string }).id !== schemaFailure) throw error;
    return call(model);
  }
}

function pickAgent(action: ActionSpec, mastra: Mastra | undefined): Agent {
  if (mastra) {
    try {
      return (mastra.getAgent as (key: string) => Agent)(action.agent);
    } catch {
      // Not registered there: use the module's instance.
    }
  }
  return agents[action.agent];
}

async function memoryOf(agent: Agent): Promise<MastraMemory | undefined> {
  return (await agent.getMemory()) ?? undefined;
}

function configuredModel(
  agentId: string,
  context: MentorActionContext,
): { model: LanguageModelV4; id: string; mode: 'rules' | 'remote' } {
  if (context.model && typeof context.model !== 'string') {
    const m = context.model;
    return {
      model: m,
      id: `${m.provider.split('.')[0]}/${m.modelId}`,
      mode: m.provider === 'rules' ? 'rules' : 'remote',
    };
  }
  const resolved = resolveModel(agentId, {
    ...context.modelOptions,
    ...(typeof context.model === 'string' ? { model: context.model } : {}),
  });
  return { model: resolved.model, id: resolved.id, mode: resolved.mode };
}

function modelError(error: unknown, model: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new AppError('MODEL_ERROR', `Agent call failed on ${model}: ${firstLine(error)}`, {
    cause: error,
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

/** Every string in an input, in order. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
