import { describe, expect, it } from 'vitest';
import { agentModelVariable, resolveModel } from '../../../src/models/resolve-model.ts';

describe('resolveModel', () => {
  it('is rules mode with no key and no base URL', () => {
    const r = resolveModel('blocker-diagnosis', { env: {} });
    expect(r).toMatchObject({ id: 'rules/blocker-diagnosis', mode: 'rules' });
    expect(r.model.provider).toBe('rules');
    expect(resolveModel('plan-reviewer', { env: { MODEL: 'openai/gpt-4o' } })).toMatchObject({
      mode: 'rules',
      reason: expect.stringContaining('OPENAI_API_KEY'),
    });
  });

  it('defaults to openai/gpt-4o-mini when a key is set', () => {
    const r = resolveModel('blocker-diagnosis', { env: { OPENAI_API_KEY: 'sk-test' } });
    expect(r).toMatchObject({ id: 'openai/gpt-4o-mini', mode: 'remote' });
    expect(r.model.modelId).toBe('gpt-4o-mini');
    expect(r.model.provider).toBe('openai.responses');
  });

  it('uses chat completions for an OpenAI-compatible base URL, with or without a key', () => {
    const r = resolveModel('hint-giver', {
      env: { OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', MODEL: 'ollama/llama3.2' },
    });
    expect(r).toMatchObject({ id: 'ollama/llama3.2', mode: 'remote' });
    expect(r.model.provider).toBe('openai.chat');
    expect(r.model.modelId).toBe('llama3.2');
  });

  it('per-agent MODEL_<AGENT> beats MODEL, and options beat both', () => {
    const env = {
      OPENAI_API_KEY: 'k',
      MODEL: 'openai/gpt-4o-mini',
      MODEL_BLOCKER_DIAGNOSIS: 'openai/gpt-4o',
    };
    expect(agentModelVariable('blocker-diagnosis')).toBe('MODEL_BLOCKER_DIAGNOSIS');
    expect(resolveModel('blocker-diagnosis', { env }).id).toBe('openai/gpt-4o');
    expect(resolveModel('hint-giver', { env }).id).toBe('openai/gpt-4o-mini');
    expect(resolveModel('blocker-diagnosis', { env, model: 'rules/auto' })).toMatchObject({
      id: 'rules/blocker-diagnosis',
      mode: 'rules',
    });
    expect(
      resolveModel('blocker-diagnosis', {
        env: { MODEL: 'rules/auto' },
        apiKey: 'k',
        model: 'openai/o3',
      }).id,
    ).toBe('openai/o3');
  });

  it('MODEL=rules/... forces rules mode even with a key', () => {
    expect(
      resolveModel('review-coach', { env: { OPENAI_API_KEY: 'k', MODEL: 'rules/auto' } }),
    ).toMatchObject({ mode: 'rules', id: 'rules/review-coach' });
  });

  it('rejects malformed ids, unknown providers without a base URL, and bad timeouts', () => {
    expect(() => resolveModel('x', { env: { MODEL: 'gpt-4o' } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_ERROR' }),
    );
    expect(() =>
      resolveModel('x', { env: { MODEL: 'anthropic/claude', OPENAI_API_KEY: 'k' } }),
    ).toThrow(/OPENAI_BASE_URL/);
    expect(() =>
      resolveModel('x', { env: { OPENAI_API_KEY: 'k', MODEL_TIMEOUT_MS: 'soon' } }),
    ).toThrow(/MODEL_TIMEOUT_MS/);
  });
});
