import '../config/normalise-env.ts';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import { AppError } from '../errors/app-error.ts';
import { circuitBreakerFor, type CircuitBreakerOptions } from './circuit-breaker.ts';
import { withResilience, type ResilienceOptions } from './resilient-model.ts';
import { rules } from './rules/provider.ts';

/** Default model when an OpenAI key or base URL is configured and MODEL is not. */
export const defaultRemoteModel = 'openai/gpt-4o-mini';

export interface ResolveModelOptions {
  /** `provider/model-id`; overrides MODEL_<AGENT> and MODEL. `rules/...` forces rules mode. */
  model?: string;
  /** Overrides OPENAI_API_KEY. */
  apiKey?: string;
  /** Overrides OPENAI_BASE_URL: any OpenAI-compatible server, called through chat completions. */
  baseURL?: string;
  /** Overrides MODEL_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Where to read variables from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Retry, backoff and breaker tuning (tests inject `sleep` and small cool-downs here). */
  resilience?: Omit<ResilienceOptions, 'fallback' | 'timeoutMs' | 'breaker'> & {
    breaker?: CircuitBreakerOptions;
  };
  /** Answer with the agent's rules model when the configured model fails. Default true. */
  fallbackToRules?: boolean;
  /** Custom fetch for the OpenAI provider (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

export interface ResolvedModel {
  model: LanguageModelV4;
  /** `provider/model-id` of the configured model (`rules/<agent-id>` in rules mode). */
  id: string;
  mode: 'rules' | 'remote';
  /** Why rules mode was chosen, when it was. */
  reason?: string;
}

/** `blocker-diagnosis` → `MODEL_BLOCKER_DIAGNOSIS`. */
export function agentModelVariable(agentId: string): string {
  return `MODEL_${agentId
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()}`;
}

/**
 * The model an agent uses. Options override the environment: the model id comes from
 * `options.model`, then `MODEL_<AGENT_ID>`, then `MODEL`, then `openai/gpt-4o-mini` when
 * `OPENAI_API_KEY` or `OPENAI_BASE_URL` is set; without either the agent runs in rules mode.
 * Remote models are wrapped with timeouts, retries, a per-model circuit breaker and the agent's rules
 * model as fallback.
 */
export function resolveModel(agentId: string, options: ResolveModelOptions = {}): ResolvedModel {
  const env = options.env ?? process.env;
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const apiKey = options.apiKey ?? blank(env.OPENAI_API_KEY);
  const baseURL = options.baseURL ?? blank(env.OPENAI_BASE_URL);
  const configured = options.model ?? blank(env[agentModelVariable(agentId)]) ?? blank(env.MODEL);
  const id = configured ?? (apiKey || baseURL ? defaultRemoteModel : `rules/${agentId}`);
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) {
    throw new AppError(
      'CONFIG_ERROR',
      `Invalid model "${id}": expected provider/model-id, e.g. openai/gpt-4o-mini or rules/auto`,
      { field: configured === env.MODEL ? 'MODEL' : agentModelVariable(agentId) },
    );
  }
  const provider = id.slice(0, slash);
  const modelName = id.slice(slash + 1);

  if (provider === 'rules')
    return {
      model: rules(agentId),
      id: `rules/${agentId}`,
      mode: 'rules',
      reason: `model ${id} selected`,
    };
  if (!apiKey && !baseURL) {
    return {
      model: rules(agentId),
      id: `rules/${agentId}`,
      mode: 'rules',
      reason: `${id} configured but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set`,
    };
  }
  if (provider !== 'openai' && !baseURL) {
    throw new AppError(
      'CONFIG_ERROR',
      `Model provider "${provider}" needs OPENAI_BASE_URL (an OpenAI-compatible server); only openai/* and rules/* work without it`,
      { field: 'MODEL' },
    );
  }

  const timeoutMs = options.timeoutMs ?? parseTimeout(env.MODEL_TIMEOUT_MS);
  // OpenAI-compatible servers (Ollama, vLLM, LM Studio) may need no key; the provider still wants one.
  const openai = createOpenAI({
    apiKey: apiKey ?? 'not-needed',
    ...(baseURL ? { baseURL } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // The default openai(id) calls /responses, which OpenAI-compatible servers rarely have.
  const primary = baseURL ? openai.chat(modelName) : openai(modelName);
  const { breaker: breakerOptions, ...resilience } = options.resilience ?? {};
  const model = withResilience(primary, {
    ...resilience,
    timeoutMs,
    breaker: circuitBreakerFor(`${id}@${baseURL ?? 'openai'}`, breakerOptions),
    fallback: options.fallbackToRules === false ? undefined : rules(agentId),
  });
  return { model, id, mode: 'remote' };
}

function parseTimeout(value: string | undefined): number {
  if (!value?.trim()) return 30_000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) {
    throw new AppError(
      'CONFIG_ERROR',
      `Invalid MODEL_TIMEOUT_MS: expected milliseconds between 100 and 600000 (got ${JSON.stringify(value)})`,
      { field: 'MODEL_TIMEOUT_MS' },
    );
  }
  return n;
}
