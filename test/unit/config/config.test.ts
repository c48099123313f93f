import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, loadConfig } from '../../../src/config/index.ts';
import { AppError } from '../../../src/errors/app-error.ts';
import { projectRoot } from '../../../src/paths.ts';

function failure(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('config', () => {
  it('defaults to the embedded, loopback, offline setup', () => {
    const cfg = loadConfig({});
    expect(cfg).toMatchObject({
      DATABASE_URL: undefined,
      DATA_DIR: resolve(projectRoot, '.data'),
      HOST: '127.0.0.1',
      PORT: 4111,
      MENTORFLOW_API_KEYS: [],
      LOG_LEVEL: 'info',
      TIME_SCALE: 1,
      WORKER: true,
    });
  });

  it('parses lists and numbers, and options override env', () => {
    const cfg = loadConfig(
      { MENTORFLOW_API_KEYS: ' a, b:learner-1 ,,', PORT: '8080' },
      { PORT: '9090' },
    );
    expect(cfg.MENTORFLOW_API_KEYS).toEqual(['a', 'b:learner-1']);
    expect(cfg.PORT).toBe(9090);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL: expected a postgres/],
    ['PORT', 'eighty', /PORT: expected an integer port/],
    ['PORT', '70000', /PORT: expected an integer port/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of/],
    ['MODEL', 'gpt-4o', /MODEL: expected provider\/model-id/],
    ['OPENAI_BASE_URL', 'not a url', /OPENAI_BASE_URL: expected an http\(s\) URL/],
    ['MODEL_TIMEOUT_MS', '5', /MODEL_TIMEOUT_MS: expected milliseconds/],
    ['TIME_SCALE', '0', /TIME_SCALE: expected a positive number/],
    ['MAX_BODY_BYTES', '1', /MAX_BODY_BYTES: expected a byte count/],
    ['WORKER', 'maybe', /WORKER: expected true or false/],
    ['HOST', '   ', /HOST: expected a host name/],
  ])('rejects an invalid %s with one line naming it', (variable, value, pattern) => {
    const error = failure({ [variable]: value });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.field).toBe(variable);
    expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a secret in its error', () => {
    // OPENAI_API_KEY has no format; a broken base URL next to it must not reveal it either.
    const error = failure({ OPENAI_API_KEY: 'sk-secret', OPENAI_BASE_URL: 'x' });
    expect(error.message).not.toContain('sk-secret');
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '10.0.0.1', 'example.com'].some(isLoopbackHost)).toBe(false);
  });
});
