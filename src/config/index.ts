import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { projectRoot } from '../paths.ts';

/**
 * Every environment variable mentorflow reads, parsed once. Defaults are the embedded, offline,
 * loopback-only setup a fresh clone runs with. Options passed in code override env (see `loadConfig`).
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .min(min, `expected ${what}`)
    .max(max, `expected ${what}`);

export const configSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /**
   * Resolved from the project root, never the working directory: `mastra dev` runs in
   * `src/mastra/public`, and every way of starting must use the same database.
   */
  DATA_DIR: z
    .string()
    .trim()
    .min(1, 'expected a directory path')
    .default('.data')
    .transform((dir) => resolve(projectRoot, dir)),
  HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  PORT: int(0, 65535, 'an integer port between 0 and 65535').default(4111),
  /** Comma list of API keys; `key:learnerId` scopes a key to one learner's sessions. */
  MENTORFLOW_API_KEYS: optionalString.transform((v) =>
    (v ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  ),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      error: 'expected one of trace, debug, info, warn, error, fatal, silent',
    })
    .default('info'),
  /** Default model as `provider/model-id` (e.g. `openai/gpt-4o-mini`, `rules/auto`). */
  MODEL: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+\/.+$/i, 'expected provider/model-id, e.g. openai/gpt-4o-mini')
      .optional(),
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url({ error: 'expected an http(s) URL' }).optional()),
  /** Per-request model timeout. */
  MODEL_TIMEOUT_MS: int(100, 600_000, 'milliseconds between 100 and 600000').default(30_000),
  /**
   * Multiplies every mentoring duration (timeouts, check-ins, reminders). 1 = the seed's real
   * durations; tests use e.g. 0.0017 so 15 minutes become ~1.5 s. Nothing sleeps: timers are jobs.
   */
  TIME_SCALE: z.coerce
    .number({ error: 'expected a positive number' })
    .positive('expected a positive number')
    .max(1000, 'expected a positive number up to 1000')
    .default(1),
  /** Shared secret for `POST /api/webhooks/:source` HMAC signatures; webhooks are refused without it. */
  WEBHOOK_SECRET: optionalString,
  /** Largest accepted request body. */
  MAX_BODY_BYTES: int(1024, 100 * 1024 * 1024, 'a byte count between 1024 and 104857600').default(
    1024 * 1024,
  ),
  /**
   * How each session event is processed: `workflow` = one `mentor-turn` Mastra run per event (visible
   * in Studio; a few ms more per event), `direct` = the same turn in-process without a workflow run
   * (highest throughput). Both commit the turn exactly once.
   */
  TURN_RUNNER: z
    .enum(['workflow', 'direct'], { error: 'expected workflow or direct' })
    .default('workflow'),
  /** Run the timer worker in this process (set to false for API-only processes). */
  WORKER: z
    .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = Partial<Record<keyof Config, string | undefined>>;

/**
 * Parse configuration from `env` (default `process.env`), with `overrides` taking precedence.
 * Throws a CONFIG_ERROR whose message is one line naming the variable and what was expected.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigInput = {},
): Config {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    source[key] = overrides[key as keyof Config] ?? env[key];
  }
  const result = configSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const got = source[variable];
  const shown =
    variable.includes('KEY') || variable.includes('SECRET')
      ? ''
      : got === undefined
        ? ''
        : ` (got ${JSON.stringify(got)})`;
  throw new AppError('CONFIG_ERROR', `Invalid ${variable}: ${issue.message}${shown}`, {
    field: variable,
  });
}

let cached: Config | undefined;

/** The process configuration, parsed from `process.env` on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** Forget the cached configuration (tests that change env between cases). */
export function resetConfig(): void {
  cached = undefined;
}

/** True when HOST is a loopback address, where running without API keys is allowed. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * Refuses to serve beyond this machine without API keys: a non-loopback HOST needs
 * MENTORFLOW_API_KEYS. Checked by every way of starting the server.
 */
export function assertServableHost(cfg: Pick<Config, 'HOST' | 'MENTORFLOW_API_KEYS'>): void {
  if (cfg.MENTORFLOW_API_KEYS.length === 0 && !isLoopbackHost(cfg.HOST)) {
    throw new AppError(
      'CONFIG_ERROR',
      `Invalid HOST: ${cfg.HOST} is not a loopback address and MENTORFLOW_API_KEYS is not set; set API keys before serving beyond this machine`,
      { field: 'HOST' },
    );
  }
}
